using FluentValidation;

namespace Hub.Application.Referrals.SubmitSelfReferral;

public sealed class SubmitSelfReferralValidator : AbstractValidator<SubmitSelfReferral>
{
    public SubmitSelfReferralValidator(TimeProvider clock)
    {
        // Not a field the person can correct, so the message is not tied to one.
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Check your answers and send them again").OverridePropertyName(string.Empty);
        RuleFor(r => r.Answers).SetValidator(new SelfReferralAnswersValidator(clock));
    }
}
