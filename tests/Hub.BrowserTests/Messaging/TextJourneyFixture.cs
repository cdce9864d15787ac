using Hub.TestSupport;

namespace Hub.BrowserTests.Messaging;

/// <summary>The browser hub with its texts going to the GOV.UK Notify stand-in on loopback.</summary>
public sealed class TextJourneyFixture : BrowserFixture
{
    public NotifyStandIn Notify { get; } = new();

    protected override void Configure(HubWebFactory factory)
    {
        foreach (var (key, value) in Notify.Settings())
        {
            factory.With(key, value);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Notify.DisposeAsync();
    }
}
