namespace Hub.Domain.Referrals;

public enum ReferralStatus
{
    /// <summary>Received and waiting for a member of the triage team.</summary>
    AwaitingTriage = 1,
    /// <summary>A conversation is booked or an urgent response is under way.</summary>
    Open = 2,
    Closed = 3,
}
