using Hub.TestSupport;
using Microsoft.Playwright;

namespace Hub.BrowserTests;

/// <summary>
/// One real hub on Kestrel (loopback, free port, its own fresh PostgreSQL database in demo mode)
/// and one headless Debian Chromium, shared by the tests of a class. Each test opens its own
/// browser context, so cookies and settings never leak between tests.
/// Without PostgreSQL or Chromium the tests skip; under CI=true they fail (ADR 007, 011).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>ADR 011: no calls to a network Chromium cannot reach, and able to run as root.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly DatabaseFixture _database = new();
    private string? _unavailable;
    private HubWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>The running hub, for reaching its services (for example the database) from a test.</summary>
    public HubWebFactory Factory => Available(_factory);

    /// <summary>Where the hub listens, like http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => Available(_baseAddress);

    public IBrowser Browser => Available(_browser);

    public virtual async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        if (!File.Exists(ChromiumPath))
        {
            _unavailable = $"Chromium was not found at {ChromiumPath} (install the Debian package 'chromium').";
            return;
        }

        string connectionString;
        try
        {
            connectionString = _database.ConnectionString;
        }
        catch (SkipException ex)
        {
            _unavailable = ex.Message;
            return;
        }

        _factory = new HubWebFactory(connectionString);
        Configure(_factory);
        _factory.UseKestrel(0);
        _factory.StartServer();
        _baseAddress = _factory.ClientOptions.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>For a fixture that needs the hub set up differently (for example a clock the test moves).</summary>
    protected virtual void Configure(HubWebFactory factory)
    {
    }

    /// <summary>A fresh browser context (its own cookies) whose relative URLs go to the hub.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options = options is null ? new BrowserNewContextOptions() : new BrowserNewContextOptions(options);
        options.BaseURL = BaseAddress.ToString();
        options.Locale ??= "en-GB";
        options.TimezoneId ??= "Europe/London";
        var context = await Browser.NewContextAsync(options);
        // Generous, because CI runs the other test assemblies alongside on two cores; a journey that
        // is wrong still fails, only later.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    private T Available<T>(T? value) where T : class
    {
        if (value is null)
        {
            TestEnvironment.SkipOrFail(_unavailable ?? "The browser fixture did not start.");
        }
        return value;
    }
}
