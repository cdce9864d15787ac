namespace Hub.Infrastructure.Persistence;

/// <summary>
/// Whether a small insert-only save of the send's rows bypasses EF's update pipeline on PostgreSQL
/// (docs/decisions/047). On unless <c>Database:DirectInserts</c> is <c>false</c>; off only to compare
/// the two writers (the drift test) or to rule the direct writer out when something looks wrong.
/// </summary>
public sealed record DirectInsertSettings(bool Enabled);
