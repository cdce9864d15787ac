using FluentValidation;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.SupportPlans.Link;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.RequestPlanLink;

/// <summary>
/// Someone asks for a new link to their plan with the email address they gave. The answer is the
/// same whether or not the address is known, so nobody can learn who uses the hub from it.
/// </summary>
public sealed record RequestPlanLink(string? Email) : IRequest<Unit>;

public sealed class RequestPlanLinkValidator : AbstractValidator<RequestPlanLink>
{
    public RequestPlanLinkValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the email address you gave us")
            .Must(e => e is null || (e.Length <= 254 && e.Contains('@', StringComparison.Ordinal) && !Domain.Common.TextRules.HasForbiddenCharacters(e, allowLineBreaks: false)))
            .WithMessage("Enter an email address, like name@example.com");
}

public sealed class RequestPlanLinkHandler(IApplicationDbContext db, AuditTrail audit, TimeProvider clock, IEmailOutbox outbox, Common.HubAddress address)
    : IRequestHandler<RequestPlanLink, Unit>
{
    public async Task<Unit> Handle(RequestPlanLink request, CancellationToken cancellationToken)
    {
        var key = ContactDetails.NormaliseEmail(request.Email);
        var people = await db.People.Where(p => p.EmailKey == key && p.MergedIntoPersonId == null && db.SupportPlans.Any(s => s.PersonId == p.Id))
            .Select(p => new { p.Id, p.PreferredName, p.Contact }).Take(3).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var found in people)
        {
            var (link, token) = PlanAccessLink.Issue(found.Id, null, now);
            db.PlanAccessLinks.Add(link);
            outbox.Enqueue(PlanLinkEmail.For(found.Contact.Email!, found.PreferredName, address.Link("/my/link/" + token)));
            audit.Record(AuditAction.Create, found.Id, nameof(PlanAccessLink), link.Id, "Person: asked for a new link");
        }
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
