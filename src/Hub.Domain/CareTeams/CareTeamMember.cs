using Hub.Domain.Common;

namespace Hub.Domain.CareTeams;

public enum CareTeamRole
{
    /// <summary>The one worker who holds the person's support together.</summary>
    Lead = 1,
    /// <summary>Anyone else working with the person, from any sector.</summary>
    Involved = 2,
}

/// <summary>
/// One member of staff on the care team of a spell. Everyone on it sees the same record (tell it
/// once). A membership ends when the member steps off or the team leader reallocates the work; it
/// is kept for the history, and the last lead is offered again when the person comes back.
/// </summary>
public sealed class CareTeamMember : Entity
{
    private CareTeamMember() { }

    public CareTeamMember(Guid spellId, Guid personId, Guid memberId, CareTeamRole role, DateTimeOffset at)
    {
        SpellId = spellId;
        PersonId = personId;
        MemberId = memberId;
        Role = role;
        JoinedAt = at;
    }

    public Guid SpellId { get; private set; }
    public Guid PersonId { get; private set; }

    /// <summary>The team member (their staff account id).</summary>
    public Guid MemberId { get; private set; }

    public CareTeamRole Role { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsCurrent => LeftAt is null;

    public void StepOff(DateTimeOffset at)
    {
        if (LeftAt is null)
        {
            LeftAt = at < JoinedAt ? JoinedAt : at;
        }
    }

    /// <summary>A lead who hands over the lead stays on the team as an involved member.</summary>
    public void BecomeInvolved() => Role = CareTeamRole.Involved;

    public void BecomeLead() => Role = CareTeamRole.Lead;
}
