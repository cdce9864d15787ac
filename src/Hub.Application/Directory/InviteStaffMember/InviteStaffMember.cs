using FluentValidation;
using Hub.Application.Common;
using Hub.Application.Common.Auditing;
using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Messaging;
using Hub.Application.Common.Validation;
using Hub.Application.Referrals.SubmitSelfReferral;
using Hub.Domain.Audit;
using Hub.Domain.Directory;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.InviteStaffMember;

/// <summary>
/// An administrator gives someone a staff account: the account is made with one role and their
/// organisation, and they are emailed a one-time link to set their password, minted as the email goes
/// (docs/decisions/055). After that they add an authenticator app, as all staff do; where the
/// partnership signs in through its own provider, the first sign-in there finds this account by email.
/// Inviting an account that was never used again sends a new link and ends the old one.
/// </summary>
/// <param name="OrganisationId">Who they work for; may be left out for an administrator only (the first one is invited before any organisation is added).</param>
public sealed record InviteStaffMember(string? Email, string? DisplayName, string? Role, Guid? OrganisationId) : IRequest<InvitedAccount>;

public sealed class InviteStaffMemberValidator : AbstractValidator<InviteStaffMember>
{
    public const int NameMaxLength = 100;

    /// <summary>The roles an administrator may give, in the order the form offers them.</summary>
    public static IReadOnlyList<string> Roles { get; } =
        [Common.Roles.Practitioner, Common.Roles.TeamLeader, Common.Roles.VolunteerCoordinator, Common.Roles.Commissioner, Common.Roles.Admin];

    public InviteStaffMemberValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter their name").SafeText("The name", NameMaxLength, multiline: false, storedMax: NameMaxLength);
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter their work email address");
        RuleFor(c => c.Email).DeliverableEmail().When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Role).Must(r => r is not null && Roles.Contains(r)).WithMessage("Choose what they will do in the hub");
        RuleFor(c => c.OrganisationId).NotEmpty().WithMessage("Choose the organisation they work for").When(c => c.Role != Common.Roles.Admin);
    }
}

public sealed class InviteStaffMemberHandler(IApplicationDbContext db, IStaffAccounts accounts, ICurrentUser user, AuditTrail audit, IEmailOutbox outbox,
    ReferenceConfirmationSettings hub, TimeProvider clock) : IRequestHandler<InviteStaffMember, InvitedAccount>
{
    public const string Purpose = "staff-invitation";

    public async Task<InvitedAccount> Handle(InviteStaffMember request, CancellationToken cancellationToken)
    {
        if (request.OrganisationId is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            throw Refuse.Because(nameof(request.OrganisationId), "Choose the organisation they work for");
        }
        var typed = request.Email!.Trim();
        var name = request.DisplayName!.Trim();
        var outcome = InvitedAccount.Made;
        try
        {
            // The account, the link, its email and the audit row are kept together or not at all.
            await db.SaveInOneTransactionAsync(async token =>
            {
                (outcome, var userId, var email) = await accounts.EnsureInvitedAccountAsync(typed, name, request.Role!, request.OrganisationId, token);
                if (outcome == InvitedAccount.Clashed)
                {
                    throw new InvitedMeanwhile(); // rolls back whatever of the account this request changed
                }
                if (userId is not { } id || email is null)
                {
                    return;
                }
                foreach (var earlier in await db.StaffInvitations.Where(i => i.UserId == id && i.TokenHash != null).ToListAsync(token))
                {
                    earlier.Withdraw(); // its queued email, if not gone yet, is cancelled when its turn comes
                }
                var invitation = StaffInvitation.Pending(id, user.UserId, clock.GetUtcNow()); // no one signed in: the operator's command for the first administrator
                db.StaffInvitations.Add(invitation);
                outbox.Enqueue(InvitationEmail(email, name, invitation.Id));
                audit.Record(AuditAction.Create, null, "StaffAccount", id, outcome == InvitedAccount.Made ? "Directory: invite a member of staff" : "Directory: invite a member of staff again");
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        catch (Exception clash) when (clash is InvitedMeanwhile or DbUpdateConcurrencyException || (clash is DbUpdateException made && db.IsUniqueViolation(made)))
        {
            outcome = InvitedAccount.Clashed; // the same address invited at the same moment (a double click, two administrators)
        }
        switch (outcome)
        {
            case InvitedAccount.InUse:
                throw Refuse.Because(nameof(request.Email), "This email address already belongs to an account in use. They can sign in with it");
            case InvitedAccount.Clashed:
                db.DiscardChanges();
                throw Refuse.Because(nameof(request.Email), "This email address was invited at the same moment by someone else. Check the team directory");
            default:
                return outcome;
        }
    }

    private OutgoingEmail InvitationEmail(string to, string name, Guid invitationId) => new(to, $"{hub.HubName}: your staff account",
        $"Hello {name},\n\nYou have been given a staff account on {hub.HubName}.\n\n" +
        $"Set your password with this link. It works once and lasts {StaffInvitation.Lifetime.Days} days:\n{PlanLinks.Placeholder}\n\n" +
        "After that you will set up an authenticator app on your phone, to keep the records of the people we support safe.\n\n" +
        "If your organisation signs in to the hub with its own accounts, you can sign in that way instead, with this email address.\n\n" +
        "If you were not expecting this email, you can ignore it.", Purpose, null, invitationId);

    public static string WelcomePath(string token) => "/staff/account/welcome/" + token;

    /// <summary>Another invitation changed the account first: this one is rolled back and refused.</summary>
    private sealed class InvitedMeanwhile : Exception;
}

/// <summary>Mints a staff invitation's link as its email goes (docs/decisions/042, 055).</summary>
public sealed class StaffInvitationMinter(IApplicationDbContext db) : IOneTimeLinkMinter
{
    public async Task<string?> MintAsync(Guid linkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == linkId, cancellationToken);
        return invitation?.Mint(at) is { } token ? InviteStaffMemberHandler.WelcomePath(token) : null;
    }
}
