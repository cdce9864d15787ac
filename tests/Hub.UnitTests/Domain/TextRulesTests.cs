using Hub.Domain.Common;

namespace Hub.UnitTests.Domain;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("Rydw i'n teimlo'n isel 😔")]
    [InlineData("أشعر بالتعب")]
    [InlineData("line one\nline two\twith a tab")]
    [InlineData("<script>alert(1)</script>")]
    public void Should_welcome_any_language_emoji_and_markup_as_plain_text(string text)
    {
        TextRules.HasForbiddenCharacters(text, allowLineBreaks: true).ShouldBeFalse();
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("null\u0000byte")]
    [InlineData("right\u202Eto left override")]
    [InlineData("isolate\u2066x\u2069")]
    [InlineData("escape\u001B[31m")]
    public void Should_refuse_control_and_bidirectional_override_characters(string text)
    {
        TextRules.HasForbiddenCharacters(text, allowLineBreaks: true).ShouldBeTrue();
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    public void Should_refuse_line_breaks_in_one_line_fields(string text)
    {
        TextRules.HasForbiddenCharacters(text, allowLineBreaks: false).ShouldBeTrue();
        TextRules.HasForbiddenCharacters(text, allowLineBreaks: true).ShouldBeFalse();
    }

    [Fact]
    public void Should_trim_unify_line_endings_and_turn_blank_into_nothing()
    {
        TextRules.Clean("  a\r\nb\rc  ").ShouldBe("a\nb\nc");
        TextRules.Clean("   ").ShouldBeNull();
    }

    [Fact]
    public void Should_count_an_emoji_as_one_character()
    {
        TextRules.VisibleLength("👩‍👩‍👧").ShouldBe(1);
    }
}
