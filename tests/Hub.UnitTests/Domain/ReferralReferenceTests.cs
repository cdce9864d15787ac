using Hub.Domain.Referrals;

namespace Hub.UnitTests.Domain;

public sealed class ReferralReferenceTests
{
    [Fact]
    public void Should_use_only_characters_that_cannot_be_confused_when_read_aloud()
    {
        var references = Enumerable.Range(0, 2000).Select(_ => ReferralReference.New()).ToList();

        references.ShouldAllBe(r => r.Length == 9 && r[4] == '-');
        string.Concat(references).Replace("-", string.Empty).ShouldAllBe(c => ReferralReference.Alphabet.Contains(c));
        ReferralReference.Alphabet.ShouldNotContain('0');
        ReferralReference.Alphabet.ShouldNotContain('O');
        ReferralReference.Alphabet.ShouldNotContain('1');
        ReferralReference.Alphabet.ShouldNotContain('I');
        ReferralReference.Alphabet.ShouldNotContain('L');
        references.Distinct().Count().ShouldBeGreaterThan(1990);
    }

    [Theory]
    [InlineData("k7mr 4txh", "K7MR-4TXH")]
    [InlineData("K7MR-4TXH", "K7MR-4TXH")]
    [InlineData(" k7mr4txh ", "K7MR-4TXH")]
    [InlineData("K7MR-4TX", null)]
    [InlineData("O7MR-4TXH", null)]
    [InlineData("", null)]
    public void Should_accept_a_reference_as_a_person_types_it(string typed, string? expected)
    {
        ReferralReference.Normalise(typed).ShouldBe(expected);
    }
}
