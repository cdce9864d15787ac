using FluentValidation;
using MediatR;

namespace Hub.Application.Referrals.AnswerSelfReferralQuestion;

/// <summary>
/// Checks the answers to one question page of the self-referral, the <paramref name="Fields"/>
/// (names of <see cref="SelfReferralAnswers"/> properties) that page asks. Stores nothing: the
/// answers travel with the person until they press send.
/// </summary>
public sealed record AnswerSelfReferralQuestion(SelfReferralAnswers Answers, IReadOnlyCollection<string> Fields) : IRequest<Unit>;

/// <summary>The form's own rules, for the fields of one page only: a page never shows another page's error.</summary>
public sealed class AnswerSelfReferralQuestionValidator : AbstractValidator<AnswerSelfReferralQuestion>
{
    public AnswerSelfReferralQuestionValidator(TimeProvider clock)
    {
        var answers = new SelfReferralAnswersValidator(clock);
        RuleFor(r => r).Custom((request, context) =>
        {
            var result = answers.Validate(ValidationContext<SelfReferralAnswers>.CreateWithOptions(request.Answers,
                options => options.IncludeProperties(request.Fields.ToArray())));
            foreach (var failure in result.Errors)
            {
                failure.PropertyName = $"{nameof(AnswerSelfReferralQuestion.Answers)}.{failure.PropertyName}";
                context.AddFailure(failure);
            }
        });
    }
}

public sealed class AnswerSelfReferralQuestionHandler : IRequestHandler<AnswerSelfReferralQuestion, Unit>
{
    public Task<Unit> Handle(AnswerSelfReferralQuestion request, CancellationToken cancellationToken) => Task.FromResult(Unit.Value);
}
