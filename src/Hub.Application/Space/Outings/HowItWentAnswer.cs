using FluentValidation;
using Hub.Application.Common.Validation;
using Hub.Domain.Volunteering;

namespace Hub.Application.Space.Outings;

/// <summary>
/// The one vocabulary of "how did it go?", wherever the person answers it: in their space
/// (<c>SayHowMyOutingWent</c>) or through the emailed link sent before the space took it over
/// (<c>SayHowItWent</c>). The form's values, the answer they stand for and the words the person reads.
/// </summary>
public static class HowItWentAnswer
{
    public sealed record Choice(string Value, OutingSay Say, string Words);

    public static readonly IReadOnlyList<Choice> Choices =
    [
        new("good", OutingSay.Good, "It went well"),
        new("okay", OutingSay.Okay, "It was OK"),
        new("not-good", OutingSay.NotGood, "It did not go well"),
    ];

    /// <summary>The answer a form's value stands for, or null for anything else.</summary>
    public static OutingSay? Read(string? value) => Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.Ordinal))?.Say;

    /// <summary>The answer in the person's words, or null before they say.</summary>
    public static string? WordsFor(OutingSay? say) => Choices.FirstOrDefault(c => c.Say == say)?.Words;

    /// <summary>The answer as the outing keeps it.</summary>
    public static HowItWent Kept(OutingSay say) => say switch
    {
        OutingSay.Good => HowItWent.Good,
        OutingSay.Okay => HowItWent.Okay,
        OutingSay.NotGood => HowItWent.NotGood,
        _ => throw new ArgumentOutOfRangeException(nameof(say), say, "Not an answer."),
    };

    /// <summary>The kept answer as the person's space reads it.</summary>
    public static OutingSay Shown(HowItWent kept) => kept switch
    {
        HowItWent.Good => OutingSay.Good,
        HowItWent.Okay => OutingSay.Okay,
        HowItWent.NotGood => OutingSay.NotGood,
        _ => throw new ArgumentOutOfRangeException(nameof(kept), kept, "Not an answer."),
    };
}

/// <summary>A request in which the person says how an outing went: one of <see cref="HowItWentAnswer.Choices"/> and, if they like, their words.</summary>
public interface ISaysHowItWent
{
    string? HowItWent { get; }

    string? Words { get; }
}

/// <summary>The rules for every way of saying how an outing went: one of the answers, and words that are safe and not too long.</summary>
public abstract class SaysHowItWentValidator<T> : AbstractValidator<T> where T : ISaysHowItWent
{
    protected SaysHowItWentValidator()
    {
        RuleFor(r => r.HowItWent).Must(h => HowItWentAnswer.Read(h) is not null).WithMessage("Select how it went");
        RuleFor(r => r.Words).SafeText("What you would like to tell us", Outing.WordsMaxLength, multiline: true);
    }
}
