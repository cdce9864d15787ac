using Hub.TestSupport;

namespace Hub.BrowserTests;

/// <summary>The browser hub with a real SMTP server on loopback, so what the hub sends arrives as real email.</summary>
public class MailingBrowserFixture : BrowserFixture
{
    public SmtpServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.InitializeAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(HubWebFactory factory)
    {
        if (Smtp.Port > 0)
        {
            factory.With("Hub:Smtp:Host", "127.0.0.1").With("Hub:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
