using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Accounts;

/// <summary>
/// Setting a first password through a one-time link (a volunteer's or a member of staff's invitation):
/// the link is spent and the password set in one transaction, the link first (docs/decisions/053). A
/// second press at the same moment waits on the link's row, then finds it spent; a password the account
/// store refuses, or a crash between the two steps, rolls both back and the link still works.
/// </summary>
public static class FirstPassword
{
    /// <param name="spend">Spends the link on its tracked entity, whose concurrency token the save checks.</param>
    /// <param name="set">Sets the password in the account store; the reasons it refuses, in words.</param>
    /// <returns>False when another press spent the link first (its password set).</returns>
    public static async Task<bool> SetThroughLinkAsync(IApplicationDbContext db, string? password, string? confirmPassword, Action spend,
        Func<string, CancellationToken, Task<IReadOnlyList<string>>> set, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(password))
        {
            throw Refuse.Because("Password", "Enter a password");
        }
        if (password != confirmPassword)
        {
            throw Refuse.Because("ConfirmPassword", "The passwords do not match");
        }

        spend();
        IReadOnlyList<string> refused = [];
        try
        {
            await db.SaveInOneTransactionAsync(async token =>
            {
                await db.SaveChangesAsync(token); // the link spent, its row held until commit
                refused = await set(password, token);
                if (refused.Count > 0)
                {
                    throw new PasswordRefused();
                }
            }, cancellationToken);
        }
        catch (PasswordRefused)
        {
            db.DiscardChanges();
            throw Refuse.Because("Password", string.Join(". ", refused));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.DiscardChanges();
            return false;
        }
        return true;
    }

    /// <summary>Rolls the transaction back when the account store refuses the password.</summary>
    private sealed class PasswordRefused : Exception;
}
