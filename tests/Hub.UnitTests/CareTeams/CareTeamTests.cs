using Hub.Domain.CareTeams;
using Hub.Domain.Common;

namespace Hub.UnitTests.CareTeams;

public sealed class CareTeamTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Spell = Guid.NewGuid();
    private static readonly Guid Person = Guid.NewGuid();
    private static readonly Guid Alex = Guid.NewGuid();
    private static readonly Guid Bea = Guid.NewGuid();
    private static readonly Guid Cal = Guid.NewGuid();

    private static CareTeamMember Member(Guid memberId, CareTeamRole role) => new(Spell, Person, memberId, role, Now.AddDays(-7));

    [Fact]
    public void Should_return_a_new_membership_for_someone_not_yet_on_the_team()
    {
        var lead = Member(Alex, CareTeamRole.Lead);

        var joined = CareTeam.Join([lead], Spell, Person, Bea, CareTeamRole.Involved, Now);

        joined.ShouldNotBeNull();
        joined.MemberId.ShouldBe(Bea);
        joined.Role.ShouldBe(CareTeamRole.Involved);
        joined.SpellId.ShouldBe(Spell);
        joined.PersonId.ShouldBe(Person);
        joined.JoinedAt.ShouldBe(Now);
        joined.IsCurrent.ShouldBeTrue();
        lead.Role.ShouldBe(CareTeamRole.Lead);
    }

    [Fact]
    public void Should_move_the_current_lead_to_involved_when_someone_new_takes_the_lead()
    {
        var lead = Member(Alex, CareTeamRole.Lead);
        var involved = Member(Bea, CareTeamRole.Involved);

        var joined = CareTeam.Join([lead, involved], Spell, Person, Cal, CareTeamRole.Lead, Now);

        joined!.Role.ShouldBe(CareTeamRole.Lead);
        lead.Role.ShouldBe(CareTeamRole.Involved);
        lead.IsCurrent.ShouldBeTrue();
        involved.Role.ShouldBe(CareTeamRole.Involved);
    }

    [Fact]
    public void Should_promote_an_involved_member_who_takes_the_lead_instead_of_adding_them_twice()
    {
        var lead = Member(Alex, CareTeamRole.Lead);
        var involved = Member(Bea, CareTeamRole.Involved);

        var joined = CareTeam.Join([lead, involved], Spell, Person, Bea, CareTeamRole.Lead, Now);

        joined.ShouldBeNull();
        involved.Role.ShouldBe(CareTeamRole.Lead);
        involved.JoinedAt.ShouldBe(Now.AddDays(-7));
        lead.Role.ShouldBe(CareTeamRole.Involved);
    }

    [Fact]
    public void Should_not_add_a_current_member_again_nor_demote_the_lead_who_joins_as_involved()
    {
        var lead = Member(Alex, CareTeamRole.Lead);
        var involved = Member(Bea, CareTeamRole.Involved);

        CareTeam.Join([lead, involved], Spell, Person, Bea, CareTeamRole.Involved, Now).ShouldBeNull();
        CareTeam.Join([lead, involved], Spell, Person, Alex, CareTeamRole.Lead, Now).ShouldBeNull();
        CareTeam.Join([lead, involved], Spell, Person, Alex, CareTeamRole.Involved, Now).ShouldBeNull();

        lead.Role.ShouldBe(CareTeamRole.Lead);
        involved.Role.ShouldBe(CareTeamRole.Involved);
    }

    [Fact]
    public void Should_refuse_to_consider_a_member_of_another_spell()
    {
        var elsewhere = new CareTeamMember(Guid.NewGuid(), Person, Alex, CareTeamRole.Lead, Now.AddDays(-7));

        Should.Throw<DomainRuleException>(() => CareTeam.Join([elsewhere], Spell, Person, Bea, CareTeamRole.Lead, Now));
        elsewhere.Role.ShouldBe(CareTeamRole.Lead);
    }

    [Fact]
    public void Should_refuse_to_consider_a_member_who_has_stepped_off()
    {
        var former = Member(Alex, CareTeamRole.Lead);
        former.StepOff(Now.AddDays(-1));

        Should.Throw<DomainRuleException>(() => CareTeam.Join([former], Spell, Person, Bea, CareTeamRole.Lead, Now));
        former.Role.ShouldBe(CareTeamRole.Lead);
    }

    [Fact]
    public void Should_never_leave_before_joining_and_keep_the_first_time_a_member_stepped_off()
    {
        var member = Member(Alex, CareTeamRole.Involved);

        member.StepOff(Now.AddDays(-30));
        member.StepOff(Now);

        member.LeftAt.ShouldBe(member.JoinedAt);
        member.IsCurrent.ShouldBeFalse();
    }
}
