using Hub.Application.PersonalData;

namespace Hub.UnitTests.PersonalData;

public sealed class RetentionSettingsTests
{
    [Fact]
    public void Should_keep_safeguarding_concerns_until_a_period_is_set()
    {
        new RetentionSettings().Checked().SafeguardingConcernYears.ShouldBeNull();
        new RetentionSettings { SafeguardingConcernYears = 6 }.Checked().SafeguardingConcernYears.ShouldBe(6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-6)]
    public void Should_refuse_a_safeguarding_period_no_policy_could_mean_at_start_up(int years)
    {
        var refused = Should.Throw<InvalidOperationException>(() => new RetentionSettings { SafeguardingConcernYears = years }.Checked());
        refused.Message.ShouldContain("Hub:Retention:SafeguardingConcernYears");
    }
}
