using Hub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.BrowserTests.CareTeams;

/// <summary>The browser hub with a clock the test can move forward, so a person can come back days later.</summary>
public sealed class CareJourneyFixture : BrowserFixture
{
    public MovableClock Clock { get; } = new();

    protected override void Configure(HubWebFactory factory) =>
        factory.ConfigureTestServices = services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
}

/// <summary>The real time plus however far the test has moved it: the browser and the hub still see time pass.</summary>
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _ahead;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _ahead;

    public void Advance(TimeSpan by) => _ahead += by;
}
