namespace Hub.Web;

/// <summary>Settings under <c>Hub</c> in configuration.</summary>
public sealed class HubOptions
{
    /// <summary>
    /// Seeds the demo partnership and accounts and lets staff sign in without an authenticator app.
    /// Never set outside a demonstration.
    /// </summary>
    public bool DemoMode { get; set; }

    /// <summary>The hub's name as reports and letters give it.</summary>
    public string Name { get; set; } = "Living Well Hub";

    /// <summary>The local crisis line shown with the national urgent-help numbers.</summary>
    public string LocalCrisisLine { get; set; } = "0800 000 0000";

    public string LocalCrisisLineName { get; set; } = "the borough's 24-hour mental health crisis line";

    /// <summary>The hub's own number, for people to reach their care team (shown in their plan). None: the plan says to ask whoever supports them.</summary>
    public string? HubPhone { get; set; }

    /// <summary>The hub's own area (borough): where the public Connect and Do directory opens, and the area of offers recorded without one.</summary>
    public string Area { get; set; } = Application.Connect.HomeArea.Default;
}
