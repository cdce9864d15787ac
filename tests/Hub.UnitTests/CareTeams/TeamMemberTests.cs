using Hub.Domain.Common;
using Hub.Domain.Conversations;
using Hub.Domain.Directory;

namespace Hub.UnitTests.CareTeams;

public sealed class TeamMemberTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Team = Guid.NewGuid();

    private static TeamMember NewMember(int capacity = 20) => new(Guid.NewGuid(), Team, "Ayo Bello", ProfessionalGroup.PeerSupportWorker, capacity);

    private static void Update(TeamMember member, string name = "Ayo Bello", int capacity = 20, IEnumerable<DeterminantArea>? helpsWith = null,
        IEnumerable<string>? skills = null, IEnumerable<string>? languages = null, IEnumerable<string>? neighbourhoods = null, IEnumerable<DayOfWeek>? days = null) =>
        member.UpdateProfile(Team, name, ProfessionalGroup.PeerSupportWorker, null, null, helpsWith ?? [], skills ?? [], languages ?? [], neighbourhoods ?? [], days ?? [], false, capacity);

    [Theory]
    [InlineData(0)]
    [InlineData(200)]
    public void Should_accept_a_caseload_capacity_from_none_to_two_hundred(int capacity)
    {
        var member = NewMember(capacity);
        Update(member, capacity: capacity);

        member.CaseloadCapacity.ShouldBe(capacity);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(201)]
    public void Should_refuse_a_caseload_capacity_outside_none_to_two_hundred(int capacity)
    {
        Should.Throw<DomainRuleException>(() => NewMember(capacity));
        Should.Throw<DomainRuleException>(() => Update(NewMember(), capacity: capacity));
    }

    [Fact]
    public void Should_tidy_the_profile_lists_when_updated()
    {
        var member = NewMember();

        Update(member,
            helpsWith: [DeterminantArea.Loneliness, DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Loneliness],
            skills: [" Benefits appeals ", "benefits APPEALS", "", "  ", "CBT for panic"],
            languages: ["Yoruba", " yoruba", "English "],
            neighbourhoods: ["Northfield", "NORTHFIELD", "Riverside"],
            days: [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Wednesday]);

        member.HelpsWith.ShouldBe([DeterminantArea.MoneyDebtAndBenefits, DeterminantArea.Loneliness]);
        member.Skills.ShouldBe(["Benefits appeals", "CBT for panic"]);
        member.Languages.ShouldBe(["Yoruba", "English"]);
        member.Neighbourhoods.ShouldBe(["Northfield", "Riverside"]);
        member.WorkingDays.ShouldBe([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_a_profile_without_a_name_and_keep_the_one_it_had(string name)
    {
        var member = NewMember();

        Should.Throw<DomainRuleException>(() => Update(member, name: name));

        member.Name.ShouldBe("Ayo Bello");
    }

    [Fact]
    public void Should_leave_the_profile_as_it_was_when_an_update_is_refused()
    {
        var member = NewMember();

        // Fails today: UpdateProfile assigns every field before SetCapacity checks the capacity.
        Should.Throw<DomainRuleException>(() => Update(member, name: "Someone Else", capacity: 201, languages: ["Welsh"]));

        member.Name.ShouldBe("Ayo Bello");
        member.Languages.ShouldBeEmpty();
        member.CaseloadCapacity.ShouldBe(20);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_refuse_a_new_member_without_a_name(string name)
    {
        // Fails today: unlike UpdateProfile, the constructor trims the name but never checks it.
        Should.Throw<DomainRuleException>(() => new TeamMember(Guid.NewGuid(), Team, name, ProfessionalGroup.Nurse, 10));
    }

    [Fact]
    public void Should_be_available_only_while_neither_away_nor_left()
    {
        var member = NewMember();

        member.SetAway(true);
        member.IsAvailable.ShouldBeFalse();
        member.SetAway(false);
        member.IsAvailable.ShouldBeTrue();

        member.Leave(Now);
        member.Leave(Now.AddDays(3));
        member.IsAvailable.ShouldBeFalse();
        member.LeftAt.ShouldBe(Now);
    }
}
