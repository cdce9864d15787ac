using FluentValidation;
using MediatR;

namespace Hub.Application.Referrals.ReviewSelfReferral;

/// <summary>Checks the answers and returns them as the person will see them before sending. Stores nothing.</summary>
public sealed record ReviewSelfReferral(SelfReferralAnswers Answers) : IRequest<IReadOnlyList<SelfReferralAnswersMapping.AnswerRow>>;

public sealed class ReviewSelfReferralValidator : AbstractValidator<ReviewSelfReferral>
{
    public ReviewSelfReferralValidator(TimeProvider clock) =>
        RuleFor(r => r.Answers).SetValidator(new SelfReferralAnswersValidator(clock));
}

public sealed class ReviewSelfReferralHandler : IRequestHandler<ReviewSelfReferral, IReadOnlyList<SelfReferralAnswersMapping.AnswerRow>>
{
    public Task<IReadOnlyList<SelfReferralAnswersMapping.AnswerRow>> Handle(ReviewSelfReferral request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Answers.ToRows());
}
