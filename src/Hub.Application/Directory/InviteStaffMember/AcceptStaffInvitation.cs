using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Accounts;
using Hub.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Directory.InviteStaffMember;

/// <summary>The member of staff sets their first password through their invitation link (spent on success).</summary>
public sealed record AcceptStaffInvitation(string? Token, string? Password, string? ConfirmPassword) : IRequest<bool>;

/// <summary>Spends the link and sets the password in one transaction (<see cref="FirstPassword"/>).</summary>
public sealed class AcceptStaffInvitationHandler(IApplicationDbContext db, IStaffAccounts accounts, TimeProvider clock) : IRequestHandler<AcceptStaffInvitation, bool>
{
    /// <returns>False when the link does not work (used, expired, withdrawn, never issued, or spent by another press meanwhile).</returns>
    public async Task<bool> Handle(AcceptStaffInvitation request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Token) || request.Token.Length > OneTimeToken.MaxLength)
        {
            return false;
        }
        var hash = OneTimeToken.Hash(request.Token);
        var now = clock.GetUtcNow();
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.Works(request.Token, now))
        {
            return false;
        }
        if (await accounts.IsInUseAsync(invitation.UserId, cancellationToken))
        {
            // Signed in meanwhile through the organisation's own provider, or given a password another way:
            // the link would be a password reset in the hands of whoever reads the email. It ends here.
            invitation.Withdraw();
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        return await FirstPassword.SetThroughLinkAsync(db, request.Password, request.ConfirmPassword, () => invitation.Accept(now),
            (password, token) => accounts.SetFirstPasswordAsync(invitation.UserId, password, token), cancellationToken);
    }
}
