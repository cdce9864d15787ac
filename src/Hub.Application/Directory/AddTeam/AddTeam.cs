using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.AddTeam;

/// <summary>Adds a team to a partner organisation.</summary>
public sealed record AddTeam(Guid OrganisationId, string? Name) : IRequest<Guid>;

public sealed class AddTeamValidator : AbstractValidator<AddTeam>
{
    public AddTeamValidator()
    {
        RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Choose the team's organisation");
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the team's name").SafeText("The name", Team.NameMaxLength, multiline: false, storedMax: Team.NameMaxLength);
    }
}

public sealed class AddTeamHandler(IApplicationDbContext db) : IRequestHandler<AddTeam, Guid>
{
    public async Task<Guid> Handle(AddTeam request, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken))
        {
            throw Refuse.Because(nameof(request.OrganisationId), "Choose the team's organisation");
        }
        var name = request.Name!.Trim();
        if (await db.Teams.AnyAsync(t => t.OrganisationId == request.OrganisationId && t.Name == name, cancellationToken))
        {
            throw Refuse.Because(nameof(request.Name), "That organisation already has a team with that name");
        }
        var team = new Team(request.OrganisationId, name);
        db.Teams.Add(team);
        // The same name added at the same moment by another request.
        await db.SaveOrRefuseAsync(nameof(request.Name), "That organisation already has a team with that name", cancellationToken, SaveClash.Unique);
        return team.Id;
    }
}
