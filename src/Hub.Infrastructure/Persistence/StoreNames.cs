using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Infrastructure.Persistence;

/// <summary>
/// A table's and a property's column names as the EF model maps them, quoted for the provider: what a
/// hand-written statement uses (the send's suggestions, the sealer's update), so a renamed table or
/// column in the model renames it there too.
/// </summary>
internal static class StoreNames
{
    public static string Table(IEntityType type, ISqlGenerationHelper sql) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    public static string Column(IEntityType type, string property, ISqlGenerationHelper sql) =>
        sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);
}
