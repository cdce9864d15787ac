using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Hub.Domain.Audit;
using Hub.Domain.People;
using Hub.Domain.Referrals;
using Hub.Domain.Spells;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// Inserts a small save's new rows as one command without EF Core's update pipeline
/// (docs/decisions/047). Each statement is built once per entity type from the EF model itself
/// (table, columns, complex properties, value converters, type mappings), and each value becomes a
/// parameter through the property's own type mapping, as EF's save would make it. Only the types of
/// a self-referral send (and an audit row alone, as every record view saves) are written this way,
/// and only while the model maps them plainly: a type gaining anything this writer does not write
/// (a store-generated value, a shadow or JSON-mapped property, an owned type, inheritance) falls back
/// to EF's save, and <c>DirectInsertDriftTests</c> fails.
/// </summary>
public sealed class DirectInserts
{
    /// <summary>The types written this way, in the order their foreign keys need.</summary>
    public static readonly IReadOnlyList<Type> Types =
        [typeof(Person), typeof(ReferralSpell), typeof(Referral), typeof(PossibleMatch), typeof(AuditEvent), typeof(Email.OutboxMessage)];

    private static readonly ConcurrentDictionary<IModel, DirectInserts> ByModel = new();

    /// <summary>Makes parameters only (an <see cref="DbCommand"/> makes a parameter without keeping it).</summary>
    private readonly DbCommand _parameterFactory;

    private readonly Dictionary<Type, Plan> _plans = [];

    /// <summary>Why a type is left to EF's save, by type: empty when every type is written directly.</summary>
    public IReadOnlyDictionary<Type, string> Refused { get; }

    private DirectInserts(IModel model, ISqlGenerationHelper sql, DbCommand parameterFactory)
    {
        _parameterFactory = parameterFactory;
        var refused = new Dictionary<Type, string>();
        for (var rank = 0; rank < Types.Count; rank++)
        {
            var entityType = model.FindEntityType(Types[rank]);
            if (entityType is null)
            {
                refused[Types[rank]] = "not in the model";
                continue;
            }
            if (Plan.WhyNot(entityType) is { } reason)
            {
                refused[Types[rank]] = reason;
                continue;
            }
            _plans[Types[rank]] = Plan.For(entityType, rank, sql);
        }
        Refused = refused;
    }

    internal static DirectInserts For(DbContext context, DbCommand parameterFactory) =>
        ByModel.TryGetValue(context.Model, out var made) ? made
            : ByModel.GetOrAdd(context.Model, static (model, state) => new DirectInserts(model, state.Sql, state.Factory),
                (Sql: context.GetService<ISqlGenerationHelper>(), Factory: parameterFactory));

    /// <summary>The columns written for a type, by name (for the drift test); null when the type is left to EF.</summary>
    public IReadOnlyList<string>? ColumnsOf(Type type) => _plans.TryGetValue(type, out var plan) ? plan.Columns.Select(c => c.Name).ToList() : null;

    /// <summary>
    /// The statements and parameters for these added entries, or null if any of them is of a type
    /// this writer leaves to EF (then the whole save goes through EF).
    /// </summary>
    internal (string Sql, DbParameter[] Parameters)? Build(IReadOnlyList<EntityEntry> added)
    {
        var rows = new (Plan Plan, object Entity, int Order)[added.Count];
        var parameterCount = 0;
        for (var i = 0; i < added.Count; i++)
        {
            var entity = added[i].Entity;
            if (!_plans.TryGetValue(entity.GetType(), out var plan))
            {
                return null;
            }
            rows[i] = (plan, entity, i);
            parameterCount += plan.Columns.Length;
        }
        // Parents before children; within a type, in the order they were added.
        Array.Sort(rows, static (a, b) => a.Plan.Rank != b.Plan.Rank ? a.Plan.Rank.CompareTo(b.Plan.Rank) : a.Order.CompareTo(b.Order));
        if (HasTwoOfASelfReferencingType(rows))
        {
            return null;
        }

        var parameters = new DbParameter[parameterCount];
        var next = 0;
        foreach (var (plan, entity, _) in rows)
        {
            foreach (var column in plan.Columns)
            {
                parameters[next] = column.Mapping.CreateParameter(_parameterFactory, ParameterNames.Get(next), column.Getter.GetClrValueUsingContainingEntity(entity), column.Nullable);
                next++;
            }
        }
        return (SqlFor(rows), parameters);
    }

    /// <summary>Statements by the number of rows of each type: a send has few shapes, so its text is made once per shape.</summary>
    private readonly ConcurrentDictionary<long, string> _sqlByShape = new();

    private const int MaxShapesKept = 64;

    private string SqlFor((Plan Plan, object Entity, int Order)[] rows)
    {
        // Rows are in rank order, and parameters are numbered in that order, so the counts per type decide the text.
        var shape = 0L;
        foreach (var (plan, _, _) in rows)
        {
            shape += 1L << (plan.Rank * 8);
        }
        if (rows.Length >= byte.MaxValue || Types.Count * 8 > 64)
        {
            return Text(rows);
        }
        if (_sqlByShape.TryGetValue(shape, out var sql))
        {
            return sql;
        }
        // Kept only for the first shapes seen (a send's handful, an audit row alone); a rare shape is made each time.
        return _sqlByShape.Count < MaxShapesKept ? _sqlByShape.GetOrAdd(shape, Text(rows)) : Text(rows);
    }

    private static string Text((Plan Plan, object Entity, int Order)[] rows)
    {
        // Prepared on PostgreSQL: the same few shapes come again and again (docs/decisions/051).
        var text = new StringBuilder(rows.Length * 512).Append(Providers.PreparedStatements.Marked(string.Empty));
        var next = 0;
        foreach (var (plan, _, _) in rows)
        {
            text.Append(plan.Head);
            for (var c = 0; c < plan.Columns.Length; c++)
            {
                if (c > 0)
                {
                    text.Append(", ");
                }
                text.Append(ParameterNames.Get(next++));
            }
            text.Append(");\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether a row points at another row of its own type in this save (a record merged into one
    /// added beside it): EF would order those two; this writer does not, so it leaves the save to EF.
    /// </summary>
    private static bool HasTwoOfASelfReferencingType((Plan Plan, object Entity, int Order)[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            foreach (var (dependent, principal) in rows[i].Plan.SelfReferences)
            {
                if (dependent.GetClrValueUsingContainingEntity(rows[i].Entity) is not { } target)
                {
                    continue;
                }
                for (var j = 0; j < rows.Length; j++)
                {
                    if (j != i && ReferenceEquals(rows[j].Plan, rows[i].Plan) && target.Equals(principal.GetClrValueUsingContainingEntity(rows[j].Entity)))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private sealed record Column(string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, bool Nullable);

    private sealed class Plan
    {
        public required int Rank { get; init; }
        public required string Head { get; init; }
        public required Column[] Columns { get; init; }
        /// <summary>Each single-column foreign key to this same type: its column and the key it points at.</summary>
        public required (IClrPropertyGetter Dependent, IClrPropertyGetter Principal)[] SelfReferences { get; init; }

        /// <summary>Anything about the type's mapping that this writer would not write as EF's save does.</summary>
        public static string? WhyNot(IEntityType type)
        {
            if (type.GetTableName() is null || type.BaseType is not null || type.GetDerivedTypes().Any())
            {
                return "not one plain table";
            }
            if (type.GetForeignKeys().Any(k => k.PrincipalEntityType == type && k.Properties.Count != 1))
            {
                return "a composite foreign key to its own type";
            }
            if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.IsOwned())
            {
                return "owned types";
            }
            if (type.GetComplexProperties().Any(c => c.IsCollection || c.ComplexType.IsMappedToJson()
                                                      || c.ComplexType.GetComplexProperties().Any()))
            {
                return "a complex property that is a collection, nested or mapped to JSON";
            }
            foreach (var property in type.GetFlattenedProperties())
            {
                if (property.IsShadowProperty())
                {
                    return $"shadow property {property.Name}";
                }
                if (property.ValueGenerated != ValueGenerated.Never || property.GetComputedColumnSql() is not null
                    || property.GetDefaultValueSql() is not null || property.IsConcurrencyToken && property.ValueGenerated != ValueGenerated.Never)
                {
                    return $"{property.Name} has a value made by the database";
                }
                if (property.GetRelationalTypeMapping() is null)
                {
                    return $"{property.Name} has no type mapping";
                }
            }
            return null;
        }

        public static Plan For(IEntityType type, int rank, ISqlGenerationHelper sql)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var columns = type.GetFlattenedProperties()
                .Select(p => new Column(p.GetColumnName(table)!, p.GetRelationalTypeMapping(), p.GetGetter(), p.IsColumnNullable(table)))
                .ToArray();
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))})\nVALUES (";
            return new Plan
            {
                Rank = rank,
                Head = head,
                Columns = columns,
                SelfReferences = type.GetForeignKeys().Where(k => k.PrincipalEntityType == type)
                    .Select(k => (k.Properties.Single().GetGetter(), k.PrincipalKey.Properties.Single().GetGetter())).ToArray(),
            };
        }
    }

    /// <summary>@p0, @p1, ... made once.</summary>
    private static class ParameterNames
    {
        private static readonly string[] Names = Enumerable.Range(0, 512).Select(i => $"@p{i}").ToArray();

        public static string Get(int index) => index < Names.Length ? Names[index] : $"@p{index}";
    }
}
