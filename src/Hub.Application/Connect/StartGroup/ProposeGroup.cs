using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Domain.CommunityOffers;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Connect.StartGroup;

/// <summary>
/// Anyone proposes a group for the directory. It waits in the moderation queue; nothing is public
/// until a connector publishes it. <paramref name="FormToken"/> is the form's one-time token:
/// sending the same form again stores one proposal.
/// </summary>
public sealed record ProposeGroup(GroupAnswers Answers, Guid FormToken) : IRequest<Unit>;

public sealed class ProposeGroupValidator : AbstractValidator<ProposeGroup>
{
    public ProposeGroupValidator()
    {
        RuleFor(r => r.FormToken).NotEmpty().WithMessage("This form has expired. Fill it in and send it again").OverridePropertyName(string.Empty);
        RuleFor(r => r.Answers).SetValidator(new GroupAnswersValidator());
    }
}

public sealed class ProposeGroupHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ProposeGroup, Unit>
{
    public async Task<Unit> Handle(ProposeGroup request, CancellationToken cancellationToken)
    {
        if (await db.GroupProposals.AnyAsync(p => p.FormToken == request.FormToken, cancellationToken))
        {
            return Unit.Value;
        }
        db.GroupProposals.Add(GroupProposal.Propose(request.Answers.ToProposal(), request.Answers.OrganiserEmail!, request.FormToken, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // The same form, sent twice at once: the other send stored it.
            db.DiscardChanges();
        }
        return Unit.Value;
    }
}
