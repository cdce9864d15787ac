using Hub.Domain.Conversations;
using Hub.Domain.Routing;

namespace Hub.UnitTests.Routing;

public sealed class GoalAreasTests
{
    [Fact]
    public void Should_read_work_from_getting_back_to_work()
    {
        GoalAreas.Infer("I want to get back to work").ShouldBe([DeterminantArea.WorkStudyOrVolunteering]);
    }

    [Fact]
    public void Should_read_money_from_paying_off_debts()
    {
        GoalAreas.Infer("pay off my debts").ShouldBe([DeterminantArea.MoneyDebtAndBenefits]);
    }

    [Fact]
    public void Should_read_loneliness_from_seeing_friends()
    {
        GoalAreas.Infer("see my friends more").ShouldBe([DeterminantArea.Loneliness]);
    }

    [Theory]
    [InlineData("Sleep better")]
    [InlineData("go for a WALK every day")]
    [InlineData("Exercise twice a week")]
    [InlineData("start a workout routine")]
    public void Should_read_physical_health_from_sleep_walking_and_exercise(string goal)
    {
        GoalAreas.Infer(goal).ShouldBe([DeterminantArea.PhysicalHealth]);
    }

    [Theory]
    [InlineData("learn to paint again")]
    [InlineData("feel more like myself")]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_read_nothing_from_words_it_does_not_recognise(string goal)
    {
        GoalAreas.Infer(goal).ShouldBeEmpty();
    }

    [Fact]
    public void Should_match_a_stem_only_at_the_start_of_a_word()
    {
        // "parent" holds "rent" and "homework" holds "work", but neither word starts with them.
        GoalAreas.Infer("be a calmer parent and help with homework").ShouldBeEmpty();
    }

    [Fact]
    public void Should_read_every_area_a_goal_touches_in_a_fixed_order()
    {
        GoalAreas.Infer("Keep up the rent, find a job and stop feeling lonely; as a carer")
            .ShouldBe([
                DeterminantArea.Housing,
                DeterminantArea.WorkStudyOrVolunteering,
                DeterminantArea.CaringResponsibilities,
                DeterminantArea.Loneliness,
            ]);
    }
}
