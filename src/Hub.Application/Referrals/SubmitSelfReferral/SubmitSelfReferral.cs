using MediatR;

namespace Hub.Application.Referrals.SubmitSelfReferral;

/// <summary>
/// Stores a self-referral. <paramref name="FormToken"/> is the one-time token of the form that was
/// checked: sending it again (double click, retry after a dropped connection) returns the same
/// reference instead of storing a second referral.
/// </summary>
public sealed record SubmitSelfReferral(SelfReferralAnswers Answers, Guid FormToken) : IRequest<SubmitSelfReferralResult>;

/// <param name="Reference">The reference to give the person.</param>
/// <param name="AlreadySubmitted">True when this form had already been sent and nothing new was stored.</param>
/// <param name="Confirmation">How the reference is also on its way to the person (none when already submitted: that send said so).</param>
public sealed record SubmitSelfReferralResult(string Reference, bool AlreadySubmitted, ConfirmationChannel Confirmation = ConfirmationChannel.None);
