namespace Hub.BrowserTests.SupportPlans;

/// <summary>The browser hub with a real SMTP server on loopback, so the person's link arrives as a real email.</summary>
public sealed class PlanJourneyFixture : MailingBrowserFixture;
