using Hub.Application.Common.Interfaces;
using Hub.Application.Common.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Application.Common.Saving;

/// <summary>Which clashes with someone else's save a use case expects.</summary>
[Flags]
public enum SaveClash
{
    /// <summary>A concurrency token had moved on: the row changed since it was read.</summary>
    Concurrency = 1,
    /// <summary>A unique index refused the row: someone stored the same thing first.</summary>
    Unique = 2,
    Either = Concurrency | Unique,
}

/// <summary>
/// Saving when two people may act on the same record at once: the first save wins and the second
/// becomes an outcome the page shows, never an error page. The one place such a clash is caught.
/// </summary>
public static class SaveClashes
{
    /// <summary>
    /// Saves; on an expected clash forgets this request's changes (so nothing half-done is saved
    /// later) and returns false.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this IApplicationDbContext db, CancellationToken cancellationToken, SaveClash expected = SaveClash.Either)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (db.IsClash(ex, expected))
        {
            db.DiscardChanges();
            return false;
        }
    }

    /// <summary>Saves, or refuses with <paramref name="message"/> against <paramref name="property"/> on an expected clash.</summary>
    public static async Task SaveOrRefuseAsync(this IApplicationDbContext db, string property, string message, CancellationToken cancellationToken, SaveClash expected = SaveClash.Either)
    {
        if (!await db.TrySaveAsync(cancellationToken, expected))
        {
            throw Refuse.Because(property, message);
        }
    }

    /// <summary>Whether <paramref name="exception"/> is one of the <paramref name="expected"/> clashes.</summary>
    public static bool IsClash(this IApplicationDbContext db, DbUpdateException exception, SaveClash expected = SaveClash.Either) =>
        exception is DbUpdateConcurrencyException
            ? expected.HasFlag(SaveClash.Concurrency)
            : expected.HasFlag(SaveClash.Unique) && db.IsUniqueViolation(exception);
}
