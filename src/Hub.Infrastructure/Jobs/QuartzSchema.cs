using System.Text;

namespace Hub.Infrastructure.Jobs;

/// <summary>
/// The tables Quartz.NET's clustered ADO job store needs, described once and rendered for
/// PostgreSQL or SQL Server inside our own migrations (no schema package is available to us; the
/// column set follows Quartz.NET's documented schema). Quartz validates them at start.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    private enum Kind { Name, Text, Long, Int, Small, Bool, Bytes, Decimal }

    private sealed record Column(string Name, Kind Kind, bool Nullable = false, string? Default = null);

    private sealed record Table(string Name, Column[] Columns, string[] Key, (string[] Columns, string Table, bool Cascade)? Parent = null);

    private static readonly Column Sched = new("sched_name", Kind.Name);
    private static readonly Column[] TriggerKey = [Sched, new("trigger_name", Kind.Name), new("trigger_group", Kind.Name)];
    private static readonly string[] TriggerKeyNames = ["sched_name", "trigger_name", "trigger_group"];
    private static readonly (string[], string, bool) ParentTrigger = (TriggerKeyNames, "triggers", true);

    private static readonly Table[] Tables =
    [
        new("job_details",
            [Sched, new("job_name", Kind.Name), new("job_group", Kind.Name), new("description", Kind.Text, true), new("job_class_name", Kind.Text),
             new("is_durable", Kind.Bool), new("is_nonconcurrent", Kind.Bool), new("is_update_data", Kind.Bool), new("requests_recovery", Kind.Bool),
             new("job_data", Kind.Bytes, true)],
            ["sched_name", "job_name", "job_group"]),
        new("triggers",
            [.. TriggerKey, new("job_name", Kind.Name), new("job_group", Kind.Name), new("description", Kind.Text, true),
             new("next_fire_time", Kind.Long, true), new("prev_fire_time", Kind.Long, true), new("priority", Kind.Int, true),
             new("trigger_state", Kind.Name), new("trigger_type", Kind.Name), new("start_time", Kind.Long), new("end_time", Kind.Long, true),
             new("calendar_name", Kind.Name, true), new("misfire_instr", Kind.Small, true), new("misfire_orig_fire_time", Kind.Long, true),
             new("execution_group", Kind.Name, true), new("preferred_node", Kind.Name, true), new("preferred_node_auto", Kind.Bool, false, "false"),
             new("job_data", Kind.Bytes, true)],
            TriggerKeyNames,
            (["sched_name", "job_name", "job_group"], "job_details", false)),
        new("simple_triggers",
            [.. TriggerKey, new("repeat_count", Kind.Long), new("repeat_interval", Kind.Long), new("times_triggered", Kind.Long)],
            TriggerKeyNames, ParentTrigger),
        new("simprop_triggers",
            [.. TriggerKey, new("str_prop_1", Kind.Text, true), new("str_prop_2", Kind.Text, true), new("str_prop_3", Kind.Text, true),
             new("int_prop_1", Kind.Int, true), new("int_prop_2", Kind.Int, true), new("long_prop_1", Kind.Long, true), new("long_prop_2", Kind.Long, true),
             new("dec_prop_1", Kind.Decimal, true), new("dec_prop_2", Kind.Decimal, true), new("bool_prop_1", Kind.Bool, true), new("bool_prop_2", Kind.Bool, true),
             new("time_zone_id", Kind.Name, true)],
            TriggerKeyNames, ParentTrigger),
        new("cron_triggers",
            [.. TriggerKey, new("cron_expression", Kind.Name), new("time_zone_id", Kind.Name, true)],
            TriggerKeyNames, ParentTrigger),
        new("blob_triggers",
            [.. TriggerKey, new("blob_data", Kind.Bytes, true)],
            TriggerKeyNames, ParentTrigger),
        new("calendars", [Sched, new("calendar_name", Kind.Name), new("calendar", Kind.Bytes)], ["sched_name", "calendar_name"]),
        new("paused_trigger_grps", [Sched, new("trigger_group", Kind.Name)], ["sched_name", "trigger_group"]),
        new("fired_triggers",
            [Sched, new("entry_id", Kind.Name), new("trigger_name", Kind.Name), new("trigger_group", Kind.Name), new("instance_name", Kind.Name),
             new("fired_time", Kind.Long), new("sched_time", Kind.Long), new("priority", Kind.Int), new("state", Kind.Name),
             new("job_name", Kind.Name, true), new("job_group", Kind.Name, true), new("is_nonconcurrent", Kind.Bool),
             new("requests_recovery", Kind.Bool, true), new("execution_group", Kind.Name, true)],
            ["sched_name", "entry_id"]),
        new("scheduler_state",
            [Sched, new("instance_name", Kind.Name), new("last_checkin_time", Kind.Long), new("checkin_interval", Kind.Long)],
            ["sched_name", "instance_name"]),
        new("locks", [Sched, new("lock_name", Kind.Name)], ["sched_name", "lock_name"]),
    ];

    private static readonly (string Table, string[] Columns)[] Indexes =
    [
        ("job_details", ["sched_name", "requests_recovery"]),
        ("triggers", ["sched_name", "next_fire_time"]),
        ("triggers", ["sched_name", "trigger_state", "next_fire_time"]),
        ("triggers", ["sched_name", "job_name", "job_group"]),
        ("fired_triggers", ["sched_name", "instance_name"]),
        ("fired_triggers", ["sched_name", "trigger_name", "trigger_group"]),
        ("fired_triggers", ["sched_name", "job_name", "job_group"]),
    ];

    public static string CreateSql(bool sqlServer)
    {
        var sql = new StringBuilder();
        foreach (var table in Tables)
        {
            sql.Append("CREATE TABLE ").Append(TablePrefix).Append(table.Name).AppendLine(" (");
            foreach (var column in table.Columns)
            {
                sql.Append("    ").Append(column.Name).Append(' ').Append(TypeOf(column.Kind, sqlServer))
                    .Append(column.Nullable ? " NULL" : " NOT NULL");
                if (column.Default is { } value)
                {
                    sql.Append(" DEFAULT ").Append(sqlServer && value == "false" ? "0" : value);
                }
                sql.AppendLine(",");
            }
            sql.Append("    PRIMARY KEY (").AppendJoin(", ", table.Key).Append(')');
            if (table.Parent is { } parent)
            {
                sql.AppendLine(",").Append("    FOREIGN KEY (").AppendJoin(", ", parent.Columns).Append(") REFERENCES ")
                    .Append(TablePrefix).Append(parent.Table).Append(" (").AppendJoin(", ", parent.Columns).Append(')')
                    .Append(parent.Cascade ? " ON DELETE CASCADE" : string.Empty);
            }
            sql.AppendLine().AppendLine(");");
        }
        var n = 0;
        foreach (var (table, columns) in Indexes)
        {
            sql.Append("CREATE INDEX ix_").Append(TablePrefix).Append(table).Append('_').Append(++n).Append(" ON ")
                .Append(TablePrefix).Append(table).Append(" (").AppendJoin(", ", columns).AppendLine(");");
        }
        return sql.ToString();
    }

    public static string DropSql() =>
        string.Concat(Tables.Reverse().Select(t => $"DROP TABLE {TablePrefix}{t.Name};\n"));

    private static string TypeOf(Kind kind, bool sqlServer) => (kind, sqlServer) switch
    {
        (Kind.Name, false) => "varchar(200)",
        (Kind.Name, true) => "nvarchar(200)",
        (Kind.Text, false) => "text",
        (Kind.Text, true) => "nvarchar(max)",
        (Kind.Long, _) => "bigint",
        (Kind.Int, false) => "integer",
        (Kind.Int, true) => "int",
        (Kind.Small, _) => "smallint",
        (Kind.Bool, false) => "boolean",
        (Kind.Bool, true) => "bit",
        (Kind.Bytes, false) => "bytea",
        (Kind.Bytes, true) => "varbinary(max)",
        (Kind.Decimal, false) => "numeric",
        (Kind.Decimal, true) => "numeric(13,4)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
