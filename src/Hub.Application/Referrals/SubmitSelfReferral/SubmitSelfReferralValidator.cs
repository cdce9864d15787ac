using FluentValidation;

namespace Hub.Application.Referrals.SubmitSelfReferral;

public sealed class SubmitSelfReferralValidator : AbstractValidator<SubmitSelfReferral>
{
    public SubmitSelfReferralValidator(TimeProvider clock)
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Check your answers and send them again");
        RuleFor(r => r.Answers).SetValidator(new SelfReferralAnswersValidator(clock));
    }
}
