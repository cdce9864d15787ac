using System.Text;
using Hub.TestSupport;
using Hub.Web.Pages.Refer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks.Web;

/// <summary>
/// Journey cookies for the throughput benchmark, each as a person's browser would hold it on "check
/// your answers": complete invented answers and a one-time form token of its own. wrk cannot answer
/// thirteen question pages per request, so the benchmark makes the cookies before wrk starts with
/// the hub's own code: <see cref="SelfReferralJourneyStore"/> (its purpose, compression, lifetime and
/// cookie layout) over the hub's data protection, wired by <c>AddInfrastructure</c> on the hub's
/// database, where the hub keeps its key ring (so the hub reads them as it reads its own). Making
/// them is not timed; reading, checking and sending them is, in the hub. See docs/decisions/036.
/// </summary>
internal sealed class JourneyMint : IAsyncDisposable
{
    private readonly ApplicationHost _host;
    private readonly Random _random = new(36);
    private int _files;

    public JourneyMint(string connectionString) => _host = new ApplicationHost(connectionString);

    /// <summary>
    /// Writes <paramref name="count"/> journeys to a new file, one a line: the cookie header's journey
    /// part, a tab, and the form token the check page would carry. Call it after the hub has made its
    /// key ring (any GET of a form page does), so both use the hub's key.
    /// </summary>
    public async Task<string> MintAsync(int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hub-journeys-{Environment.ProcessId}-{++_files}.txt");
        await _host.WithService<IDataProtectionProvider, bool>(protection =>
        {
            var store = new SelfReferralJourneyStore(protection, TimeProvider.System);
            using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
            for (var i = 0; i < count; i++)
            {
                var journey = SelfReferralJourney.Start() with { Answers = InventedAnswers.Next(_random) };
                var context = new DefaultHttpContext();
                if (!store.TryWrite(context, journey))
                {
                    throw new InvalidOperationException("An invented journey was too long for its cookie.");
                }
                var cookies = context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]);
                writer.Write(string.Join("; ", cookies));
                writer.Write('\t');
                writer.WriteLine(journey.FormToken.ToString());
            }
            return Task.FromResult(true);
        });
        return file;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
