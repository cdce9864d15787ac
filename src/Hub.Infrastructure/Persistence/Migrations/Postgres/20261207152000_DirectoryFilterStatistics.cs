using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Written by hand, PostgreSQL only (docs/decisions/050): statistics on the expressions the directory's
    /// filters test, so the planner knows how many groups a filter leaves. Without them it guesses a bit
    /// test such as ("Access" &amp; 1) = 1 keeps half a percent of rows and a word test keeps fewer still, so
    /// it never expects a page of the Open Referral UK list to fill before the end of the area: it reads
    /// every candidate from the smaller day index and sorts, rather than reading the ordered index in order
    /// and stopping when the page is full. One expression per flag of Access and Interests, per day's
    /// mask (the Open Referral UK day filter asks for the whole day, 7 &lt;&lt; 3d) and per column the words
    /// are tested on, lower-cased as DirectoryQuery compares them. ANALYZE (autovacuum) fills them. The
    /// constants are frozen here, as in DirectoryDayIndexes: the model does not hold statistics.
    /// </summary>
    public partial class DirectoryFilterStatistics : Migration
    {
        private static readonly (string Name, string[] Expressions)[] Statistics =
        [
            ("ST_CommunityOffers_Access", [.. Enumerable.Range(0, 7).Select(bit => $"(\"Access\" & {1 << bit})")]),
            ("ST_CommunityOffers_Interests_1", [.. Enumerable.Range(0, 5).Select(bit => $"(\"Interests\" & {1 << bit})")]),
            ("ST_CommunityOffers_Interests_2", [.. Enumerable.Range(5, 4).Select(bit => $"(\"Interests\" & {1 << bit})")]),
            ("ST_CommunityOffers_Days", [.. Enumerable.Range(0, 7).Select(day => $"(\"WeekSlots\" & {7 << (day * 3)})")]),
            ("ST_CommunityOffers_Words", ["(lower(\"Name\"))", "(lower(\"OrganisationName\"))", "(lower(\"Description\"))"]),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, expressions) in Statistics)
            {
                // A single expression makes expression statistics only; two or more also ask for the kinds
                // across them, of which only the per-expression ones are wanted, so name none: PostgreSQL
                // then builds every kind, which for a handful of small columns costs ANALYZE little.
                migrationBuilder.Sql($"CREATE STATISTICS \"{name}\" ON {string.Join(", ", expressions)} FROM \"CommunityOffers\";");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, _) in Statistics)
            {
                migrationBuilder.Sql($"DROP STATISTICS IF EXISTS \"{name}\";");
            }
        }
    }
}
