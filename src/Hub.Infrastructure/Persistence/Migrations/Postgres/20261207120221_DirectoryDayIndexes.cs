using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hub.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// Written by hand, PostgreSQL only (docs/decisions/046): one index per day of the week of the listed
    /// offers that meet that day, in the week view's order: (Area, the part of the day the offer starts
    /// in that day, Name, Id). The week view (GetWhatsOnHandler) writes the same day mask, CASE and
    /// constants into its SQL, so a day's page is a range of one page of this index and its count an
    /// index-only range. The filters' columns are carried in each entry (INCLUDE), so a count filtered by
    /// anything but words is index-only too. The model does not hold them (EF cannot describe an expression index), so the
    /// model and the snapshot are unchanged. WeekSlots packs the week as bits: day d's morning is
    /// 1 &lt;&lt; 3d, its afternoon 2 &lt;&lt; 3d, its evening 4 &lt;&lt; 3d (OfferWeek); these numbers are frozen here.
    /// </summary>
    public partial class DirectoryDayIndexes : Migration
    {
        private static readonly string[] Days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            for (var day = 0; day < Days.Length; day++)
            {
                var morning = 1 << (day * 3);
                var afternoon = 2 << (day * 3);
                var wholeDay = 7 << (day * 3);
                migrationBuilder.Sql(
                    $"CREATE INDEX \"IX_CommunityOffers_Listed_{Days[day]}\" ON \"CommunityOffers\" " +
                    $"(\"Area\", (CASE WHEN \"WeekSlots\" & {morning} <> 0 THEN 0 WHEN \"WeekSlots\" & {afternoon} <> 0 THEN 1 ELSE 2 END), \"Name\", \"Id\") " +
                    "INCLUDE (\"WeekSlots\", \"IsFree\", \"Access\", \"Interests\", \"PeerLed\", \"BringSomeoneFirstTime\", \"Neighbourhood\") " +
                    $"WHERE \"Active\" AND \"WeekSlots\" & {wholeDay} <> 0;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var day in Days)
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_CommunityOffers_Listed_{day}\";");
            }
        }
    }
}
