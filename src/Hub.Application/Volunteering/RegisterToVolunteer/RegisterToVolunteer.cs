using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Application.Volunteering.AskForSupporter;
using Hub.Domain.Common;
using Hub.Domain.People;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.RegisterToVolunteer;

/// <summary>The "volunteer with us" form as typed.</summary>
public sealed class VolunteerAnswers
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public string? Availability { get; set; }
    public string? AboutMe { get; set; }
}

/// <summary>
/// Someone offers to be a volunteer supporter. They wait for a coordinator to vet and approve them;
/// nothing they are matched to happens before that. A repeated form token stores one registration.
/// </summary>
public sealed record RegisterToVolunteer(VolunteerAnswers Answers, string Area, Guid FormToken) : IRequest<Unit>;

public sealed class RegisterToVolunteerValidator : AbstractValidator<RegisterToVolunteer>
{
    public RegisterToVolunteerValidator()
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Fill it in and send it again").OverridePropertyName(string.Empty);
        RuleFor(r => r.Answers).SetValidator(new VolunteerAnswersValidator());
    }
}

public sealed class VolunteerAnswersValidator : AbstractValidator<VolunteerAnswers>
{
    public VolunteerAnswersValidator()
    {
        Required(a => a.FirstName, "Enter your first name", "Your first name", Volunteer.NameMaxLength, false);
        Required(a => a.LastName, "Enter your last name", "Your last name", Volunteer.NameMaxLength, false);
        RuleFor(a => a.Email).NotEmpty().WithMessage("Enter your email address");
        RuleFor(a => a.Email).Must(ComeAlongAnswersValidator.IsEmail).WithMessage("Enter an email address in the correct format, like name@example.com")
            .When(a => !string.IsNullOrWhiteSpace(a.Email));
        RuleFor(a => a.Mobile).Must(m => m!.Length <= 30 && !TextRules.HasForbiddenCharacters(m, false) && ContactDetails.IsPlausiblePhone(m))
            .WithMessage("Enter a phone number, like 07700 900 982").When(a => !string.IsNullOrWhiteSpace(a.Mobile));
        Required(a => a.Availability, "Say when you are usually free, such as \"weekday evenings\"", "When you are free", Volunteer.TextMaxLength, true);
        RuleFor(a => a.AboutMe).SafeText("About you", Volunteer.TextMaxLength, multiline: true);
    }

    private void Required(System.Linq.Expressions.Expression<Func<VolunteerAnswers, string?>> field, string missing, string name, int max, bool multiline)
    {
        RuleFor(field).Must(v => TextRules.Clean(v) is not null).WithMessage(missing);
        RuleFor(field).SafeText(name, max, multiline);
    }
}

public sealed class RegisterToVolunteerHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RegisterToVolunteer, Unit>
{
    public async Task<Unit> Handle(RegisterToVolunteer request, CancellationToken cancellationToken)
    {
        if (await db.Volunteers.AnyAsync(v => v.FormToken == request.FormToken, cancellationToken))
        {
            return Unit.Value;
        }
        var a = request.Answers;
        db.Volunteers.Add(Volunteer.Register(a.FirstName!, a.LastName!, a.Email!.Trim(), a.Mobile, a.Availability!, a.AboutMe, request.Area, request.FormToken, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            db.DiscardChanges();
        }
        return Unit.Value;
    }
}
