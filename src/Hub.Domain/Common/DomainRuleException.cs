namespace Hub.Domain.Common;

/// <summary>
/// A request that would break a rule of the domain (for example closing a referral twice).
/// Pages show its message; it is never a threshold or eligibility refusal.
/// </summary>
public sealed class DomainRuleException(string message) : Exception(message);
