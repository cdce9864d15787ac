using Hub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Infrastructure.Seeding.Bulk;

/// <summary>Stores the batches <see cref="BulkSeeder"/> generates.</summary>
internal interface IBulkWriter : IAsyncDisposable
{
    /// <summary>
    /// True when a write does not use the seeder's <see cref="HubDbContext"/>, so the next batch
    /// can be generated while this one is written.
    /// </summary>
    bool WritesInBackground { get; }

    Task WriteAsync(BulkBatch batch, CancellationToken cancellationToken);

    /// <summary>Anything the database needs once the rows are in (statistics for the planner).</summary>
    Task FinishAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Any provider, through EF Core: one SaveChanges per batch with change detection off and the
/// tracker cleared after, so memory stays flat. Fine for SQLite and a few thousand referrals.
/// </summary>
internal sealed class EfCoreBulkWriter(HubDbContext db) : IBulkWriter
{
    public bool WritesInBackground => false;

    public async Task WriteAsync(BulkBatch batch, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (_, rows) in batch.InWriteOrder())
        {
            db.AddRange(rows);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    public Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>
/// PostgreSQL binary COPY, one transaction per batch, on a connection of its own. Table and
/// column names, and each value's conversion to what is stored (enums as numbers, value objects
/// as JSON), come from the EF model, so the rows are exactly what EF itself would have written.
/// </summary>
internal sealed class PostgresCopyWriter(HubDbContext db) : IBulkWriter
{
    // A clone keeps the password even when the context's own connection has been opened and forgotten it.
    private readonly NpgsqlConnection _template = (NpgsqlConnection)db.Database.GetDbConnection();
    private readonly IModel _model = db.Model;
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    private readonly Dictionary<Type, CopyTable> _tables = [];
    private NpgsqlConnection? _connection;

    public bool WritesInBackground => true;

    public async Task WriteAsync(BulkBatch batch, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (type, rows) in batch.InWriteOrder())
        {
            if (rows.Count > 0)
            {
                // Synchronous writes: per-value awaits cost more than the socket ever waits here.
                Copy(connection, Table(type), rows);
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static void Copy(NpgsqlConnection connection, CopyTable table, IReadOnlyList<object> rows)
    {
        using var import = connection.BeginBinaryImport(table.CopyCommand);
        foreach (var row in rows)
        {
            import.StartRow();
            foreach (var column in table.Columns)
            {
                column.Write(import, row);
            }
        }
        import.Complete();
    }

    /// <summary>A database freshly filled by COPY has no planner statistics yet: gather them, as autovacuum would in time.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private async Task<NpgsqlConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = _template.CloneWith(_template.ConnectionString);
            await _connection.OpenAsync(cancellationToken);
        }
        return _connection;
    }

    private CopyTable Table(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            var entityType = _model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the hub's model.");
            var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
            var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
            var columns = Columns(entityType.GetProperties(), entityType.GetComplexProperties())
                .Select(p => new CopyColumn(p.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no column."), p))
                .ToList();
            var columnList = string.Join(", ", columns.Select(c => _sql.DelimitIdentifier(c.Name)));
            table = new CopyTable($"COPY {_sql.DelimitIdentifier(name, entityType.GetSchema())} ({columnList}) FROM STDIN (FORMAT BINARY)", columns);
            _tables[type] = table;
        }
        return table;
    }

    /// <summary>Scalar properties, then those of value objects mapped into the same row (complex properties), however deep.</summary>
    private static IEnumerable<IProperty> Columns(IEnumerable<IProperty> properties, IEnumerable<IComplexProperty> complex) =>
        properties.Concat(complex.SelectMany(c => Columns(c.ComplexType.GetProperties(), c.ComplexType.GetComplexProperties())));

    private sealed record CopyTable(string CopyCommand, IReadOnlyList<CopyColumn> Columns);

    private sealed class CopyColumn
    {
        private readonly IClrPropertyGetter _getter;
        private readonly Func<object?, object?>? _toStore;
        private readonly Action<NpgsqlBinaryImporter, object> _write;

        public CopyColumn(string name, IProperty property)
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; bulk seeding reads values from the entity.");
            }
            Name = name;
            _getter = property.GetGetter();
            var mapping = property.GetTypeMapping();
            _toStore = mapping.Converter?.ConvertToProvider;
            _write = Writer(Nullable.GetUnderlyingType(mapping.Converter?.ProviderClrType ?? property.ClrType) ?? mapping.Converter?.ProviderClrType ?? property.ClrType,
                $"{property.DeclaringType.DisplayName()}.{property.Name}");
        }

        public string Name { get; }

        public void Write(NpgsqlBinaryImporter import, object entity)
        {
            var value = _getter.GetClrValueUsingContainingEntity(entity);
            if (value is not null && _toStore is not null)
            {
                value = _toStore(value);
            }
            if (value is null)
            {
                import.WriteNull();
            }
            else
            {
                _write(import, value);
            }
        }

        /// <summary>A typed write for each kind of stored value, so Npgsql need not work out the type of every value it is given.</summary>
        private static Action<NpgsqlBinaryImporter, object> Writer(Type stored, string property) => stored switch
        {
            _ when stored == typeof(Guid) => (i, v) => i.Write((Guid)v, NpgsqlDbType.Uuid),
            _ when stored == typeof(string) => (i, v) => i.Write((string)v, NpgsqlDbType.Text),
            _ when stored == typeof(int) => (i, v) => i.Write((int)v, NpgsqlDbType.Integer),
            _ when stored == typeof(long) => (i, v) => i.Write((long)v, NpgsqlDbType.Bigint),
            _ when stored == typeof(bool) => (i, v) => i.Write((bool)v, NpgsqlDbType.Boolean),
            _ when stored == typeof(DateTimeOffset) => (i, v) => i.Write(((DateTimeOffset)v).ToUniversalTime(), NpgsqlDbType.TimestampTz),
            _ when stored == typeof(DateOnly) => (i, v) => i.Write((DateOnly)v, NpgsqlDbType.Date),
            _ => throw new NotSupportedException($"Bulk seeding has no COPY writer for {property} ({stored.Name})."),
        };
    }
}
