using System.Globalization;
using System.Linq.Expressions;
using System.Text;

namespace Hub.Application.Common.Paging;

/// <summary>
/// Where a page starts in a list ordered by a key and then a unique id: after a row (the next page)
/// or before one (the previous page). The id breaks ties, so rows sharing a key are never skipped
/// nor shown twice.
/// </summary>
public sealed record PagePosition<TKey>(TKey Key, Guid Id, bool Before);

/// <summary>One page of a keyset-paged list, with the tokens of the pages either side (null at either end).</summary>
public sealed record KeysetPage<TRow>(IReadOnlyList<TRow> Rows, string? Next, string? Previous)
{
    public static KeysetPage<TRow> Empty { get; } = new([], null, null);
}

/// <summary>
/// Keyset pagination shared by the staff lists: a page is "the next N rows after (key, id)", found on
/// an index, so page 200 costs what page 1 does, and a row added meanwhile never shifts the rest (no
/// OFFSET). Page links carry a token, <c>key~id</c>, that this class writes and reads; a token that
/// does not read is a validation error, never a 500.
/// </summary>
public static class Keyset
{
    public const int PageSize = 50;
    public const string BadTokenMessage = "That page link was not complete. Start again from the first page";

    /// <summary>
    /// The rows of the page at <paramref name="at"/> (the first page when null), plus one to tell
    /// whether another page follows, in the list's order of (key, id), ascending or, with
    /// <paramref name="descending"/>, newest or last first; a page before <paramref name="at"/> comes
    /// in the opposite order, and <see cref="Finish"/> puts it right.
    /// </summary>
    public static IQueryable<T> PageAt<T, TKey>(this IQueryable<T> query, Expression<Func<T, TKey>> key, Expression<Func<T, Guid>> id,
        PagePosition<TKey>? at, int pageSize, bool descending = false)
    {
        var take = Math.Clamp(pageSize, 1, 200) + 1;
        if (at is null)
        {
            return (descending ? query.OrderByDescending(key).ThenByDescending(id) : query.OrderBy(key).ThenBy(id)).Take(take);
        }
        // Reading towards smaller keys: the page before in an ascending list, the next one in a descending list.
        var smaller = at.Before != descending;
        var row = key.Parameters[0];
        var idBody = new Swap(id.Parameters[0], row).Visit(id.Body);
        // Through a holder object so EF sends the position as parameters, not as literals in the SQL.
        var holder = Expression.Constant(new Holder<TKey>(at.Key, at.Id));
        var keyValue = Expression.Property(holder, nameof(Holder<TKey>.Key));
        var idValue = Expression.Property(holder, nameof(Holder<TKey>.Id));
        var beyond = Expression.OrElse(
            Beyond(key.Body, keyValue, smaller, orEqual: false),
            Expression.AndAlso(Expression.Equal(key.Body, keyValue), Beyond(idBody, idValue, smaller, orEqual: false)));
        // The same condition with a plain bound on the key in front, which a database can start an index
        // range scan from (it cannot read a bound out of the OR), so a deep page reads only its own rows.
        var bounded = Expression.AndAlso(Beyond(key.Body, keyValue, smaller, orEqual: true), beyond);
        var filtered = query.Where(Expression.Lambda<Func<T, bool>>(bounded, row));
        return (smaller ? filtered.OrderByDescending(key).ThenByDescending(id) : filtered.OrderBy(key).ThenBy(id)).Take(take);
    }

    /// <summary>The page from what <see cref="PageAt"/> fetched: in order, without the extra row, with the tokens either side.</summary>
    public static KeysetPage<TRow> Finish<T, TRow, TKey>(IReadOnlyList<T> fetched, PagePosition<TKey>? at, int pageSize,
        Func<T, TKey> key, Func<T, Guid> id, Func<T, TRow> row)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        var more = fetched.Count > pageSize;
        var shown = fetched.Take(pageSize).ToList();
        if (at?.Before == true)
        {
            shown.Reverse();
        }
        if (shown.Count == 0)
        {
            return KeysetPage<TRow>.Empty;
        }
        var first = shown[0];
        var last = shown[^1];
        // Going back, "more" means rows before this page; going forward, rows after it. Either way
        // the side we came from has rows.
        var next = at?.Before == true || more ? Token(key(last), id(last)) : null;
        var previous = at is null ? null : at.Before && !more ? null : Token(key(first), id(first));
        return new KeysetPage<TRow>(shown.Select(row).ToList(), next, previous);
    }

    /// <summary>The token for the row with this key and id: <c>ticks~id</c> for a time, <c>base64url~id</c> for text.</summary>
    public static string Token<TKey>(TKey key, Guid id) => key switch
    {
        DateTimeOffset at => at.UtcTicks.ToString(CultureInfo.InvariantCulture) + "~" + id.ToString("N"),
        string text => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "~" + id.ToString("N"),
        _ => throw new NotSupportedException($"Keyset tokens are written for times and text, not {typeof(TKey).Name}."),
    };

    /// <summary>
    /// The position the page links asked for: after <paramref name="after"/>, before <paramref name="before"/>,
    /// or the first page when neither is given. False when a token does not read (or both are given).
    /// </summary>
    public static bool TryRead<TKey>(string? after, string? before, out PagePosition<TKey>? position)
    {
        position = null;
        var hasAfter = !string.IsNullOrEmpty(after);
        var hasBefore = !string.IsNullOrEmpty(before);
        if (!hasAfter && !hasBefore)
        {
            return true;
        }
        if (hasAfter && hasBefore)
        {
            return false;
        }
        var token = hasAfter ? after! : before!;
        var parts = token.Split('~');
        if (parts.Length != 2 || parts[0].Length > 400 || !Guid.TryParseExact(parts[1], "N", out var id) || !TryReadKey<TKey>(parts[0], out var key))
        {
            return false;
        }
        position = new PagePosition<TKey>(key, id, Before: hasBefore);
        return true;
    }

    private static bool TryReadKey<TKey>(string text, out TKey key)
    {
        key = default!;
        if (typeof(TKey) == typeof(DateTimeOffset))
        {
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 && ticks < DateTimeOffset.MaxValue.UtcTicks)
            {
                key = (TKey)(object)new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            }
            return false;
        }
        if (typeof(TKey) == typeof(string))
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var bytes = new byte[base64.Length];
            if (Convert.TryFromBase64String(base64, bytes, out var written))
            {
                try
                {
                    key = (TKey)(object)new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }
            }
            return false;
        }
        return false;
    }

    /// <summary><paramref name="value"/> is greater than <paramref name="position"/> (smaller, with <paramref name="smaller"/>), or equal to it with <paramref name="orEqual"/>.</summary>
    private static Expression Beyond(Expression value, Expression position, bool smaller, bool orEqual)
    {
        Expression Compare(Expression left, Expression right) => (smaller, orEqual) switch
        {
            (true, false) => Expression.LessThan(left, right),
            (true, true) => Expression.LessThanOrEqual(left, right),
            (false, false) => Expression.GreaterThan(left, right),
            (false, true) => Expression.GreaterThanOrEqual(left, right),
        };
        if (value.Type == typeof(string))
        {
            // string.Compare(a, b) > 0 is how EF writes a > b for text.
            return Compare(Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, value, position), Expression.Constant(0));
        }
        if (value.Type == typeof(Guid))
        {
            return Compare(Expression.Call(value, typeof(Guid).GetMethod(nameof(Guid.CompareTo), [typeof(Guid)])!, position), Expression.Constant(0));
        }
        return Compare(value, position);
    }

    private sealed class Holder<TKey>(TKey key, Guid id)
    {
        public TKey Key { get; } = key;
        public Guid Id { get; } = id;
    }

    private sealed class Swap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
