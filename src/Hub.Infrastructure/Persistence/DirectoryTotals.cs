using Hub.Application.Connect;
using Hub.Domain.CommunityOffers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// Reads the directory's version (one primary-key read of a one-row table), then gives the total
/// remembered for that version and filter, or counts and remembers it. The version is read before the
/// count, so a count is never older than the version it is filed under: a total can only be filed
/// under a version too old for it while the change that replaced that version commits, and it is
/// read only by requests that began before that change was visible (docs/decisions/050).
/// </summary>
internal sealed class DirectoryTotals(HubDbContext db, DirectoryTotalsMemory memory) : IDirectoryTotals
{
    public async Task<int> CountAsync(object filter, IQueryable<CommunityOffer> matching, CancellationToken cancellationToken)
    {
        var version = await db.DirectoryVersions.AsNoTracking().Where(v => v.Id == DirectoryVersion.SingletonId).Select(v => v.Value).SingleAsync(cancellationToken);
        // The database is part of the key: one process may serve several (the tests and the benchmark do).
        var key = new TotalKey(db.Database.GetConnectionString() ?? string.Empty, version, filter);
        if (memory.Totals.TryGetValue(key, out int total))
        {
            return total;
        }
        total = await matching.CountAsync(cancellationToken);
        memory.Totals.Set(key, total, memory.EntryOptions);
        return total;
    }

    private sealed record TotalKey(string Database, Guid Version, object Filter);
}

/// <summary>
/// The remembered totals, one store per process, bounded: the totals of a replaced version are never
/// read again and slide out after half an hour unread, and the number kept is capped for a reader who
/// tries one filter after another without end.
/// </summary>
internal sealed class DirectoryTotalsMemory : IDisposable
{
    public const int MostTotals = 10_000;

    public MemoryCache Totals { get; } = new(new MemoryCacheOptions { SizeLimit = MostTotals });

    public MemoryCacheEntryOptions EntryOptions { get; } = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) };

    public void Dispose() => Totals.Dispose();
}
