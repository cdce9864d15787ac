using Hub.Application.Common;
using Hub.Application.Common.Accounts;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Exceptions;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Saving;
using Hub.Application.Common.Validation;
using Hub.Domain.Audit;
using Hub.Domain.Common;
using Hub.Domain.Volunteering;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Volunteering.Coordination;

/// <summary>
/// Sign-in accounts for volunteers, on the staff account machinery (Identity: the same password
/// rules, lockout and authenticator app), in the Volunteer role only. Implemented in Infrastructure.
/// </summary>
public interface IVolunteerAccounts
{
    /// <summary>The account for this email in the Volunteer role, made now if there is none; null when the email belongs to a staff account.</summary>
    Task<Guid?> EnsureAccountAsync(string email, string displayName, CancellationToken cancellationToken);

    /// <summary>Sets the account's first password; the errors (too short, too common) in words for the volunteer when refused.</summary>
    Task<IReadOnlyList<string>> SetPasswordAsync(Guid userId, string password, CancellationToken cancellationToken);

    /// <summary>Deletes the account when it is a volunteer's only (retention, docs/decisions/042); an account that has gone, or that holds any other role, is left as it is.</summary>
    Task RemoveAccountAsync(Guid userId, CancellationToken cancellationToken);
}

/// <summary>
/// The coordinator invites an approved volunteer to an account: it is made (Volunteer role only) and
/// they are emailed a one-time link to set their password; after that they add an authenticator app
/// as staff do.
/// </summary>
public sealed record InviteVolunteer(Guid VolunteerId, int Version) : IRequest<Unit>;

public sealed class InviteVolunteerHandler(IApplicationDbContext db, IVolunteerAccounts accounts, TimeProvider clock, IEmailOutbox outbox, AuditTrail audit)
    : IRequestHandler<InviteVolunteer, Unit>
{
    public const string Purpose = "volunteer-invitation";

    public async Task<Unit> Handle(InviteVolunteer request, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.Id == request.VolunteerId, cancellationToken) ?? throw new NotFoundException("The volunteer");
        if (volunteer.Version != request.Version)
        {
            throw Refuse.Because(nameof(request.Version), "Someone else changed this volunteer while you were looking. Check the details again");
        }
        if (volunteer.Status != VolunteerStatus.Active)
        {
            throw Refuse.Because(nameof(request.Version), "Approve the volunteer before inviting them to an account");
        }
        var userId = await accounts.EnsureAccountAsync(volunteer.Email, volunteer.DisplayName, cancellationToken)
            ?? throw Refuse.Because(nameof(request.Version), "This email address belongs to a staff account. Ask the volunteer for another address");
        Guid invitationId;
        try
        {
            invitationId = volunteer.Invite(userId, clock.GetUtcNow());
        }
        catch (DomainRuleException ex)
        {
            throw Refuse.Because(nameof(request.Version), ex.Message.TrimEnd('.'));
        }
        outbox.Enqueue(new OutgoingEmail(volunteer.Email, "Connect and Do: your volunteer account",
            $"Hello {volunteer.FirstName},\n\nThank you for volunteering with Connect and Do. Your checks are complete and you can now sign in to see the people you are matched with.\n\n" +
            $"Set your password with this link. It works once and lasts {Volunteer.InvitationLifetime.Days} days:\n{PlanLinks.Placeholder}\n\n" +
            "After that you will set up an authenticator app on your phone, as hub staff do, to keep the details of the people you support safe.\n\n" +
            "If you were not expecting this email, you can ignore it.", Purpose, null, invitationId)); // the link is minted when the email goes
        audit.Record(AuditAction.Update, null, nameof(Volunteer), volunteer.Id, "Volunteering: invite volunteer");
        await db.SaveOrRefuseAsync(nameof(request.Version), "Someone else changed this volunteer at the same time. Check the details again", cancellationToken);
        return Unit.Value;
    }

    public static string WelcomePath(string token) => "/volunteer/welcome/" + token;
}

/// <summary>The volunteer sets their first password through their invitation link (spent on success).</summary>
public sealed record AcceptInvitation(string? Token, string? Password, string? ConfirmPassword) : IRequest<bool>;

/// <summary>
/// Spends the link and sets the password in one transaction (<see cref="FirstPassword"/>): a second
/// press at the same moment (a double click, or the link open in two tabs) finds the link spent, so
/// exactly one password is set and the other press is told the link no longer works.
/// </summary>
public sealed class AcceptInvitationHandler(IApplicationDbContext db, IVolunteerAccounts accounts, TimeProvider clock) : IRequestHandler<AcceptInvitation, bool>
{
    /// <returns>False when the link does not work (used, expired, never issued, or spent by another press meanwhile).</returns>
    public async Task<bool> Handle(AcceptInvitation request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Token) || request.Token.Length > OneTimeToken.MaxLength)
        {
            return false;
        }
        var hash = OneTimeToken.Hash(request.Token);
        var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.InvitationHash == hash, cancellationToken);
        if (volunteer?.UserId is not { } userId || !volunteer.InvitationWorks(request.Token, clock.GetUtcNow()))
        {
            return false;
        }
        return await FirstPassword.SetThroughLinkAsync(db, request.Password, request.ConfirmPassword, volunteer.InvitationAccepted,
            (password, token) => accounts.SetPasswordAsync(userId, password, token), cancellationToken);
    }
}
