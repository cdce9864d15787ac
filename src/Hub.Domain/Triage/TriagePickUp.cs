using Hub.Domain.Common;
using Hub.Domain.Referrals;

namespace Hub.Domain.Triage;

/// <summary>
/// "I'm picking this up": a member of staff telling the rest of the team that they are working on a
/// referral waiting for triage, so two people do not call the same person. At most one per referral
/// (a unique index): when two people pick up at once, the first stored wins and the other is told who.
/// Releasing it removes it; the audit trail keeps who held it and when.
/// </summary>
public sealed class TriagePickUp : Entity
{
    private TriagePickUp()
    {
    }

    private TriagePickUp(Guid referralId, Guid byUserId, DateTimeOffset at) => (ReferralId, PickedUpByUserId, PickedUpAt) = (referralId, byUserId, at);

    public Guid ReferralId { get; private set; }
    public Guid PickedUpByUserId { get; private set; }
    public DateTimeOffset PickedUpAt { get; private set; }

    /// <summary>
    /// A pick-up of a referral still waiting for triage; null when it has been triaged, since its care
    /// team then holds it and there is nothing to pick up.
    /// </summary>
    public static TriagePickUp? Of(Referral referral, Guid byUserId, DateTimeOffset at) =>
        referral.Status == ReferralStatus.AwaitingTriage ? new TriagePickUp(referral.Id, byUserId, at) : null;

    /// <summary>The one who picked it up may release it; so may a team leader (someone off sick, say).</summary>
    public bool MayBeReleasedBy(Guid userId, bool isTeamLeader) => isTeamLeader || userId == PickedUpByUserId;
}
