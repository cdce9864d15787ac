namespace Hub.Domain.Triage;

/// <summary>
/// What triage decided. None of these is a refusal for not meeting a threshold: the hub has none.
/// </summary>
public enum TriageOutcome
{
    ConversationBooked = 1,
    SameDayUrgentResponse = 2,
    SignpostedWithConsent = 3,
    ClosedAtPersonsRequest = 4,
    NoResponseAfterAttempts = 5,
}

public static class TriageOutcomes
{
    /// <summary>Whether the outcome ends this referral. Closing is a normal outcome; the door stays open.</summary>
    public static bool ClosesReferral(this TriageOutcome outcome) => outcome is
        TriageOutcome.SignpostedWithConsent or TriageOutcome.ClosedAtPersonsRequest or TriageOutcome.NoResponseAfterAttempts;

    public static string Describe(this TriageOutcome outcome) => outcome switch
    {
        TriageOutcome.ConversationBooked => "Conversation booked",
        TriageOutcome.SameDayUrgentResponse => "Same-day urgent response",
        TriageOutcome.SignpostedWithConsent => "Signposted, with the person's agreement",
        TriageOutcome.ClosedAtPersonsRequest => "Closed at the person's request",
        TriageOutcome.NoResponseAfterAttempts => "No response after several attempts (letter sent, door left open)",
        _ => outcome.ToString(),
    };
}
