using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.AddOrganisation;

/// <summary>Adds a partner organisation (a practice, the trust, a charity) in its sector.</summary>
public sealed record AddOrganisation(string? Name, Sector Sector) : IRequest<Guid>;

public sealed class AddOrganisationValidator : AbstractValidator<AddOrganisation>
{
    public AddOrganisationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Enter the organisation's name").SafeText("The name", 200, multiline: false, storedMax: 200);
        RuleFor(c => c.Sector).IsInEnum().WithMessage("Choose the organisation's sector");
    }
}

public sealed class AddOrganisationHandler(IApplicationDbContext db) : IRequestHandler<AddOrganisation, Guid>
{
    public async Task<Guid> Handle(AddOrganisation request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            throw Refuse.Because(nameof(request.Name), "There is already an organisation with that name");
        }
        var organisation = new Organisation(name, request.Sector);
        db.Organisations.Add(organisation);
        // The same name added at the same moment by another request.
        await db.SaveOrRefuseAsync(nameof(request.Name), "There is already an organisation with that name", cancellationToken, SaveClash.Unique);
        return organisation.Id;
    }
}
