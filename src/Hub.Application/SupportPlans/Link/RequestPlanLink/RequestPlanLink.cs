using FluentValidation;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Hub.Domain.People;
using Hub.Domain.SupportPlans;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.SupportPlans.Link.RequestPlanLink;

/// <summary>
/// Someone asks for a new link to their plan with the email address or mobile number they gave.
/// The request takes the same path whether or not the address is known: it is counted against the
/// limits per address and per client and, within them, queued; the background worker looks the
/// address up later (<see cref="ProcessPlanLinkRequests"/>). So the answer, and the time it takes,
/// say nothing about who uses the hub.
/// </summary>
/// <param name="ClientAddress">The client's network address, for the limit per client; never stored as typed.</param>
public sealed record RequestPlanLink(string? EmailOrMobile, string? ClientAddress = null) : IRequest<Unit>;

public sealed class RequestPlanLinkValidator : AbstractValidator<RequestPlanLink>
{
    public RequestPlanLinkValidator() =>
        RuleFor(c => c.EmailOrMobile).NotEmpty().WithMessage("Enter the email address or mobile number you gave us")
            .Must(e => e is null || (e.Contains('@', StringComparison.Ordinal) ? EmailAddressRules.IsDeliverable(e) : ContactDetails.IsUkMobile(e.Trim())))
            .WithMessage("Enter an email address, like name@example.com, or a mobile number, like 07700 900 982");
}

public sealed class RequestPlanLinkHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<RequestPlanLink, Unit>
{
    public async Task<Unit> Handle(RequestPlanLink request, CancellationToken cancellationToken)
    {
        var address = Normalise(request.EmailOrMobile!);
        var request_ = new PlanLinkRequest(address, request.ClientAddress, clock.GetUtcNow());
        var since = request_.RequestedAt - PlanLinkRequest.Window;
        // Both counts run for every request, known address or not.
        var forAddress = await db.PlanLinkRequests.CountAsync(r => r.AddressKey == request_.AddressKey && r.RequestedAt > since, cancellationToken);
        var forClient = await db.PlanLinkRequests.CountAsync(r => r.ClientKey == request_.ClientKey && r.RequestedAt > since, cancellationToken);
        if (forAddress < PlanLinkRequest.PerAddress && forClient < PlanLinkRequest.PerClient)
        {
            db.PlanLinkRequests.Add(request_);
            await db.SaveChangesAsync(cancellationToken);
        }
        return Unit.Value;
    }

    /// <summary>An email address in lower case, or a phone number as its digits (07…).</summary>
    public static string Normalise(string typed) =>
        typed.Contains('@', StringComparison.Ordinal) ? ContactDetails.NormaliseEmail(typed)! : ContactDetails.NormalisePhone(typed)!;
}
