namespace Hub.Infrastructure.Persistence;

/// <summary>Which database the hub runs on, from the <c>Database:Provider</c> setting.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
