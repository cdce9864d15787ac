namespace Hub.Domain.Common;

/// <summary>Base for aggregates identified by a GUID assigned on creation, never by the database.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}
