namespace Hub.Infrastructure.Persistence;

/// <summary>
/// The single row whose value changes, in the same transaction, with every save that adds, changes
/// or removes a community offer (<see cref="HubDbContext"/>). A total remembered under one value is
/// the total of the directory as that value's transaction left it, so the Open Referral UK list
/// counts a filter once per change of the directory (<see cref="DirectoryTotals"/>,
/// docs/decisions/050). A new random value, not a counter: the save sets it without reading it.
/// </summary>
public sealed class DirectoryVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public Guid Value { get; set; }
}
