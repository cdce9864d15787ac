using Hub.Application.Reports.Suppression;

namespace Hub.UnitTests.Reports;

/// <summary>
/// Small-number suppression for commissioner reports: worked examples computed by hand, then
/// properties checked over many random tables.
/// </summary>
public sealed class SuppressionTests
{
    private const string Hidden = SuppressedValue.Mark;

    // ---- Counts ----

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, Hidden)]
    [InlineData(2, Hidden)]
    [InlineData(3, Hidden)]
    [InlineData(4, Hidden)]
    [InlineData(5, "5")]
    [InlineData(6, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    [InlineData(22, "20")]
    [InlineData(23, "25")]
    [InlineData(1002, "1000")]
    [InlineData(1003, "1005")]
    public void Should_hide_counts_of_1_to_4_and_round_the_rest_to_the_nearest_5(int count, string published)
    {
        SmallNumbers.Count(count).Text.ShouldBe(published);
    }

    [Fact]
    public void Should_give_the_rounded_number_of_a_shown_count_and_no_number_for_a_hidden_one()
    {
        var shown = SmallNumbers.Count(13);
        shown.Number.ShouldBe(15m);
        shown.IsSuppressed.ShouldBeFalse();
        shown.Reason.ShouldBe(SuppressionReason.None);

        var hidden = SmallNumbers.Count(3);
        hidden.Number.ShouldBeNull();
        hidden.IsSuppressed.ShouldBeTrue();
        hidden.Reason.ShouldBe(SuppressionReason.Primary);
    }

    [Fact]
    public void Should_publish_zero_as_zero_because_it_reveals_no_one()
    {
        var zero = SmallNumbers.Count(0);
        zero.Text.ShouldBe("0");
        zero.Number.ShouldBe(0m);
        zero.IsSuppressed.ShouldBeFalse();
    }

    [Fact]
    public void Should_refuse_a_negative_count()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SmallNumbers.Count(-1));
    }

    // ---- Rates ----

    [Fact]
    public void Should_compute_a_rate_from_the_unrounded_counts()
    {
        // From the rounded counts (5 of 20) it would be 25%.
        var rate = SmallNumbers.Rate(7, 20);
        rate.Text.ShouldBe("35%");
        rate.Number.ShouldBe(35m);
        rate.IsSuppressed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(6, 13, "46%")]   // 46.15…; rounded counts would give 5/15 = 33%
    [InlineData(25, 40, "63%")]  // 62.5: halves round up
    [InlineData(0, 20, "0%")]
    [InlineData(20, 20, "100%")]
    [InlineData(10, 3, Hidden)]  // denominator 1-4
    [InlineData(0, 3, Hidden)]   // denominator 1-4, even with nothing on top
    [InlineData(3, 20, Hidden)]  // numerator 1-4: 15% of 20 would give back the 3
    [InlineData(1, 8, Hidden)]
    [InlineData(0, 0, SuppressedValue.NoRateText)]
    public void Should_show_a_rate_as_a_whole_percentage_unless_it_rests_on_a_small_count(int numerator, int denominator, string published)
    {
        SmallNumbers.Rate(numerator, denominator).Text.ShouldBe(published);
    }

    [Fact]
    public void Should_call_a_rate_hidden_for_its_own_small_counts_primary()
    {
        SmallNumbers.Rate(3, 20).Reason.ShouldBe(SuppressionReason.Primary);
        SmallNumbers.Rate(10, 3).Reason.ShouldBe(SuppressionReason.Primary);
    }

    [Theory]
    [InlineData(8, 10)]  // 80% of 10: the 2 not counted would be given away
    [InlineData(16, 20)]
    [InlineData(36, 40)]
    public void Should_hide_a_rate_whose_complement_is_small(int numerator, int denominator)
    {
        SmallNumbers.Rate(numerator, denominator).Text.ShouldBe(Hidden);
        SmallNumbers.Rate(numerator, denominator).Reason.ShouldBe(SuppressionReason.Primary);
    }

    [Fact]
    public void Should_hide_a_rate_whose_numerator_was_hidden_in_a_table_to_protect_another_cell()
    {
        var pack = new FigurePack();
        Figure self = pack.Count(12), gp = pack.Count(3), other = pack.Count(20);
        var total = pack.Total([self, gp, other]);
        var rate = pack.Rate(self, total);

        var published = pack.Publish();

        published[self].Reason.ShouldBe(SuppressionReason.Secondary);
        published[rate].Text.ShouldBe(Hidden);
        published[rate].Reason.ShouldBe(SuppressionReason.Secondary);
    }

    [Fact]
    public void Should_show_a_rate_whose_numerator_and_denominator_are_both_shown()
    {
        var pack = new FigurePack();
        Figure self = pack.Count(12), gp = pack.Count(8), other = pack.Count(20);
        var total = pack.Total([self, gp, other]);
        var rate = pack.Rate(other, total);

        pack.Publish()[rate].Text.ShouldBe("50%");
    }

    // ---- Attacks by a reader who knows the rule ----

    [Fact]
    public void Should_hide_the_total_when_a_shown_5_and_its_total_would_pin_two_hidden_cells_to_1()
    {
        // [1, 5, 1] as *, 5, *, total 5: 5 means 5 to 7 and * means 1 to 4, so the total 7 forces 1 + 5 + 1.
        var table = SmallNumbers.OneWay([("A", 1), ("B", 5), ("C", 1)]);

        Texts(table).ShouldContain(Hidden);
        table.Cells[0].Value.Text.ShouldBe(Hidden);
        table.Cells[2].Value.Text.ShouldBe(Hidden);
        (table.Total.IsSuppressed || table.Cells[1].Value.IsSuppressed).ShouldBeTrue("one more figure must go");
    }

    [Fact]
    public void Should_work_shares_out_from_the_printed_figures_so_they_reveal_nothing_more()
    {
        // [27, 1, 1]: from the true counts the first share would be 93%, which only 26 of 28 or 27 of 29 give.
        var pack = new FigurePack();
        Figure a = pack.Count(27), b = pack.Count(1), c = pack.Count(1);
        var total = pack.Total([a, b, c]);
        var published = pack.Publish();

        published[a].Text.ShouldBe("25");
        published[total].Text.ShouldBe("30");
        published.Share(a, total).Text.ShouldBe("83%"); // 25 of 30, as printed
        published.Share(b, total).Text.ShouldBe(Hidden);
    }

    [Fact]
    public void Should_show_a_share_of_a_group_of_none_as_0_percent_even_when_the_total_is_hidden()
    {
        var pack = new FigurePack();
        Figure a = pack.Count(3), none = pack.Count(0);
        var total = pack.Total([a, none]);
        var published = pack.Publish();

        published[total].Text.ShouldBe(Hidden);
        published.Share(none, total).Text.ShouldBe("0%");
    }

    [Fact]
    public void Should_hide_a_rate_tied_to_a_line_with_a_hidden_figure_because_it_would_give_the_total_away()
    {
        // Sources [1, 1, 18] print *, *, 20, total 20: safe while 20 means 18 to 22. A rate over the
        // same total (returns of all referrals) could pin the total at 20, and then both hidden are 1.
        var pack = new FigurePack();
        Figure a = pack.Count(1), b = pack.Count(1), c = pack.Count(18);
        var referred = pack.Total([a, b, c], "referred");
        var returns = pack.Count(10);
        var rate = pack.Rate(returns, referred);
        var published = pack.Publish();

        published[referred].Text.ShouldBe("20");
        published[rate].Text.ShouldBe(Hidden);
        published[rate].Reason.ShouldBe(SuppressionReason.Secondary);
    }

    [Fact]
    public void Should_show_a_rate_when_nothing_tied_to_it_is_hidden()
    {
        var pack = new FigurePack();
        Figure a = pack.Count(11), b = pack.Count(7), c = pack.Count(18);
        var referred = pack.Total([a, b, c], "referred");
        var returns = pack.Count(10);
        var rate = pack.Rate(returns, referred);

        pack.Publish()[rate].Text.ShouldBe("28%");
    }

    [Fact]
    public void Should_hide_the_whole_line_when_a_reader_could_pin_its_hidden_cells_from_the_printed_figures()
    {
        // [1, 1, 1, 1, 18] would print *, *, *, *, 20, total 20 (22): 20 means 18 to 22 in both places, so
        // the four hidden cells add up to at most 4, and each must be 1.
        var table = SmallNumbers.OneWay([("A", 1), ("B", 1), ("C", 1), ("D", 1), ("E", 18)]);

        Texts(table).ShouldAllBe(t => t == Hidden);
        table.Total.Text.ShouldBe(Hidden);
    }

    [Fact]
    public void Should_publish_a_figure_that_several_tables_print_the_same_everywhere()
    {
        var pack = new FigurePack();
        var first = pack.Count("referred", 40);
        pack.Count("referred", 40).ShouldBe(first);
        Should.Throw<InvalidOperationException>(() => pack.Count("referred", 41));
    }

    // ---- One-way breakdowns ----

    [Fact]
    public void Should_hide_the_smallest_other_group_when_one_group_is_small_and_the_total_is_shown()
    {
        var table = SmallNumbers.OneWay([("Self", 12), ("GP", 3), ("Voluntary sector", 20), ("Housing", 40)]);

        Texts(table).ShouldBe([Hidden, Hidden, "20", "40"]);
        table.Cells.Select(c => c.Value.Reason).ShouldBe(
            [SuppressionReason.Secondary, SuppressionReason.Primary, SuppressionReason.None, SuppressionReason.None]);
        table.Total.Text.ShouldBe("75");
        table.Cells.Select(c => c.Label).ShouldBe(["Self", "GP", "Voluntary sector", "Housing"]);
    }

    [Fact]
    public void Should_hide_the_total_when_the_only_non_zero_group_is_hidden()
    {
        var table = SmallNumbers.OneWay([("A", 3), ("B", 0), ("C", 0)]);

        Texts(table).ShouldBe([Hidden, "0", "0"]);
        table.Total.Text.ShouldBe(Hidden);
    }

    [Fact]
    public void Should_never_hide_a_zero_to_protect_a_small_group()
    {
        var table = SmallNumbers.OneWay([("A", 2), ("B", 0), ("C", 9), ("D", 6)]);

        Texts(table).ShouldBe([Hidden, "0", "10", Hidden]);
        table.Total.Text.ShouldBe("15"); // 17
    }

    [Fact]
    public void Should_hide_nothing_more_when_two_groups_are_already_small()
    {
        var table = SmallNumbers.OneWay([("A", 3), ("B", 4), ("C", 20)]);

        Texts(table).ShouldBe([Hidden, Hidden, "20"]);
        table.Cells.Select(c => c.Value.Reason).ShouldNotContain(SuppressionReason.Secondary);
        table.Total.Text.ShouldBe("25"); // 27
    }

    [Fact]
    public void Should_hide_the_first_of_two_equally_small_groups()
    {
        var table = SmallNumbers.OneWay([("A", 3), ("B", 6), ("C", 6)]);

        Texts(table).ShouldBe([Hidden, Hidden, "5"]);
    }

    [Fact]
    public void Should_hide_nothing_in_a_list_without_small_counts()
    {
        var table = SmallNumbers.OneWay([("A", 0), ("B", 5), ("C", 13)]);

        Texts(table).ShouldBe(["0", "5", "15"]);
        table.Total.Text.ShouldBe("20"); // 18
    }

    [Fact]
    public void Should_publish_an_empty_list_with_a_total_of_zero()
    {
        var table = SmallNumbers.OneWay([]);

        table.Cells.ShouldBeEmpty();
        table.Total.Text.ShouldBe("0");
    }

    // ---- Two-way breakdowns ----

    [Fact]
    public void Should_chase_one_small_cell_through_rows_and_columns_until_every_line_has_two_hidden()
    {
        int[,] counts =
        {
            { 3, 8, 20 },   // 31
            { 9, 15, 30 },  // 54
            { 25, 10, 6 },  // 41
        };                  // 37, 33, 56; 126

        // Pass 1: row 0 hides 8 (smallest beside the 3); column 0 hides 9; column 1 (8 now hidden) hides 10.
        // Pass 2: row 1 (9 hidden) hides 15; row 2 (10 hidden) hides 6; column 2 (6 hidden) hides 20.
        // Pass 3: every row and column has two or three hidden. Row 0 and column 1 are hidden through and
        //         through, so their totals (31 and 33) would only say how small the hidden cells are: they go,
        //         and the margins then hide the smaller of the other totals beside them (41 and 37).
        var table = SmallNumbers.TwoWay(counts);

        Texts(table).ShouldBe(
        [
            [Hidden, Hidden, Hidden],
            [Hidden, Hidden, "30"],
            ["25", Hidden, Hidden],
        ]);
        table.Rows[0][0].Reason.ShouldBe(SuppressionReason.Primary);
        table.Rows.SelectMany(r => r).Count(v => v.Reason == SuppressionReason.Secondary).ShouldBe(6);
        table.RowTotals.Select(v => v.Text).ShouldBe([Hidden, "55", Hidden]);
        table.ColumnTotals.Select(v => v.Text).ShouldBe([Hidden, Hidden, "55"]);
        table.GrandTotal.Text.ShouldBe("125");
    }

    [Fact]
    public void Should_hide_a_row_total_when_its_only_non_zero_cell_is_hidden_and_protect_it_in_the_margins()
    {
        int[,] counts =
        {
            { 2, 6, 0 },   // 8
            { 0, 9, 0 },   // 9
            { 0, 0, 11 },  // 11
        };                 // 2, 15, 11; 28

        // Pass 1: row 0 hides 6 beside the 2; the column totals hide 11 beside the small total of 2;
        //         column 1 (6 hidden) hides 9; column 2 (its total hidden) hides its 11.
        // Pass 2: row 1's 9 and row 2's 11 sit among zeros, so their row totals go instead. Every figure
        //         of row 0 is hidden too, so its total goes; then every row total is hidden and the grand
        //         total, which would only say how small they are, goes as well. A table this small goes dark.
        var table = SmallNumbers.TwoWay(counts);

        Texts(table).ShouldBe(
        [
            [Hidden, Hidden, "0"],
            ["0", Hidden, "0"],
            ["0", "0", Hidden],
        ]);
        table.RowTotals.Select(v => v.Text).ShouldBe([Hidden, Hidden, Hidden]);
        table.RowTotals.Select(v => v.Reason).ShouldAllBe(r => r == SuppressionReason.Secondary);
        table.ColumnTotals.Select(v => v.Text).ShouldBe([Hidden, Hidden, Hidden]);
        table.ColumnTotals.Select(v => v.Reason).ShouldBe([SuppressionReason.Primary, SuppressionReason.Secondary, SuppressionReason.Secondary]);
        table.GrandTotal.Text.ShouldBe(Hidden);
    }

    [Fact]
    public void Should_hide_a_column_total_of_a_single_row_table_along_with_its_hidden_cell()
    {
        // With one row, each column total equals its cell.
        var table = SmallNumbers.TwoWay(new[,] { { 3, 7, 20 } });

        Texts(table).ShouldBe([[Hidden, Hidden, "20"]]);
        table.ColumnTotals.Select(v => v.Text).ShouldBe([Hidden, Hidden, "20"]);
        table.RowTotals.Select(v => v.Text).ShouldBe(["30"]);
        table.GrandTotal.Text.ShouldBe("30");
    }

    [Fact]
    public void Should_hide_nothing_in_a_table_without_small_counts()
    {
        var table = SmallNumbers.TwoWay(new[,] { { 5, 0 }, { 12, 40 } });

        Texts(table).ShouldBe([["5", "0"], ["10", "40"]]);
        table.RowTotals.Select(v => v.Text).ShouldBe(["5", "50"]);
        table.ColumnTotals.Select(v => v.Text).ShouldBe(["15", "40"]);
        table.GrandTotal.Text.ShouldBe("55"); // 57
    }

    [Fact]
    public void Should_refuse_a_negative_cell()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SmallNumbers.TwoWay(new[,] { { 5, -1 } }));
        Should.Throw<ArgumentOutOfRangeException>(() => SmallNumbers.OneWay([("A", -1)]));
    }

    // ---- Properties over random tables ----

    [Fact]
    public void The_line_check_catches_a_list_published_without_secondary_suppression()
    {
        // Guards the property tests below: primary suppression alone leaves the 3 recoverable.
        Line.Of([SmallNumbers.Count(12), SmallNumbers.Count(3), SmallNumbers.Count(20), SmallNumbers.Count(40)], SmallNumbers.Count(75))
            .HasExactlyOneHidden.ShouldBeTrue();
    }

    [Fact]
    public void Should_leave_no_one_way_list_with_exactly_one_hidden_figure_or_a_small_count_shown()
    {
        var random = new Random(20260214);
        var secondaries = 0;
        for (var n = 0; n < 2000; n++)
        {
            var counts = Enumerable.Range(0, random.Next(1, 9)).Select(_ => RandomCount(random)).ToArray();
            var table = SmallNumbers.OneWay(counts.Select((c, i) => ($"group {i}", c)).ToList());
            var context = $"list {n}: [{string.Join(", ", counts)}]";

            Line.Of(table.Cells.Select(c => c.Value).ToList(), table.Total).HasExactlyOneHidden.ShouldBeFalse(context);
            for (var i = 0; i < counts.Length; i++)
            {
                ShouldBeSafelyPublished(counts[i], table.Cells[i].Value, context);
            }

            ShouldBeSafelyPublished(counts.Sum(), table.Total, context);
            secondaries += table.Cells.Count(c => c.Value.Reason == SuppressionReason.Secondary);
        }

        secondaries.ShouldBeGreaterThan(100, "the random lists should exercise secondary suppression");
    }

    [Fact]
    public void Should_leave_no_row_column_or_margin_with_exactly_one_hidden_figure_or_a_small_count_shown()
    {
        var random = new Random(20260215);
        int secondaryCells = 0, secondaryTotals = 0;
        for (var n = 0; n < 2000; n++)
        {
            int rows = random.Next(1, 7), columns = random.Next(1, 7);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    counts[r, c] = RandomCount(random);
                }
            }

            var table = SmallNumbers.TwoWay(counts);
            var context = $"table {n}: {Describe(counts)}";

            foreach (var line in LinesOf(table))
            {
                line.HasExactlyOneHidden.ShouldBeFalse(context);
            }

            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    ShouldBeSafelyPublished(counts[r, c], table.Rows[r][c], context);
                }

                ShouldBeSafelyPublished(Enumerable.Range(0, columns).Sum(c => counts[r, c]), table.RowTotals[r], context);
            }

            for (var c = 0; c < columns; c++)
            {
                ShouldBeSafelyPublished(Enumerable.Range(0, rows).Sum(r => counts[r, c]), table.ColumnTotals[c], context);
            }

            ShouldBeSafelyPublished(counts.Cast<int>().Sum(), table.GrandTotal, context);

            secondaryCells += table.Rows.SelectMany(r => r).Count(v => v.Reason == SuppressionReason.Secondary);
            secondaryTotals += table.RowTotals.Concat(table.ColumnTotals).Append(table.GrandTotal)
                .Count(v => v.Reason == SuppressionReason.Secondary);
        }

        secondaryCells.ShouldBeGreaterThan(1000, "the random tables should exercise secondary suppression");
        secondaryTotals.ShouldBeGreaterThan(50, "the random tables should hide some totals to protect a lone cell");
    }

    // ---- The rule ----

    [Fact]
    public void Should_state_the_rule_with_the_marks_the_report_prints()
    {
        SuppressionRule.Statement.ShouldContain($"({SuppressedValue.Mark})");
        SuppressionRule.Statement.ShouldContain($"from 1 to {SmallNumbers.LargestSmallCount}");
        SuppressionRule.Statement.ShouldContain($"nearest {SmallNumbers.RoundingBase}");
        SuppressionRule.Statement.ShouldContain(SuppressedValue.NoRateText);
        SuppressionRule.Statement.ShouldContain("numerator is from 1 to 4");
        SuppressionRule.Statement.ShouldContain("unrounded");
    }

    // ---- Helpers ----

    /// <summary>Zeros, small counts and larger ones in roughly equal measure, so suppression has work to do.</summary>
    private static int RandomCount(Random random) => random.Next(3) switch
    {
        0 => 0,
        1 => random.Next(1, 5),
        _ => random.Next(5, 41),
    };

    /// <summary>
    /// A figure is safely published when it is hidden, or when it is 0, or a multiple of 5 at least 5
    /// and within 2 of the true count; a true count of 1 to 4 is always hidden as primary, and a true 0
    /// is never hidden.
    /// </summary>
    private static void ShouldBeSafelyPublished(int trueCount, SuppressedValue published, string context)
    {
        if (trueCount is >= 1 and <= 4)
        {
            published.Reason.ShouldBe(SuppressionReason.Primary, context);
            published.Text.ShouldBe(Hidden, context);
            return;
        }

        if (trueCount == 0)
        {
            published.Text.ShouldBe("0", context);
            return;
        }

        if (published.IsSuppressed)
        {
            published.Reason.ShouldBe(SuppressionReason.Secondary, context);
            published.Number.ShouldBeNull(context);
            return;
        }

        var number = published.Number.ShouldNotBeNull(context);
        (number % 5).ShouldBe(0m, context);
        number.ShouldBeGreaterThanOrEqualTo(5m, context);
        Math.Abs(number - trueCount).ShouldBeLessThanOrEqualTo(2m, context);
        published.Text.ShouldBe(((int)number).ToString(System.Globalization.CultureInfo.InvariantCulture), context);
    }

    private sealed record Line(IReadOnlyList<SuppressedValue> Figures)
    {
        public static Line Of(IReadOnlyList<SuppressedValue> cells, SuppressedValue total) => new([.. cells, total]);

        public bool HasExactlyOneHidden => Figures.Count(f => f.IsSuppressed) == 1;
    }

    private static IEnumerable<Line> LinesOf(TwoWayTable table)
    {
        for (var r = 0; r < table.Rows.Count; r++)
        {
            yield return Line.Of(table.Rows[r], table.RowTotals[r]);
        }

        for (var c = 0; c < table.ColumnTotals.Count; c++)
        {
            yield return Line.Of(table.Rows.Select(row => row[c]).ToList(), table.ColumnTotals[c]);
        }

        yield return Line.Of(table.RowTotals, table.GrandTotal);
        yield return Line.Of(table.ColumnTotals, table.GrandTotal);
    }

    private static string[] Texts(OneWayTable table) => table.Cells.Select(c => c.Value.Text).ToArray();

    private static string[][] Texts(TwoWayTable table) => table.Rows.Select(r => r.Select(v => v.Text).ToArray()).ToArray();

    private static string Describe(int[,] counts) =>
        string.Join(" / ", Enumerable.Range(0, counts.GetLength(0))
            .Select(r => string.Join(", ", Enumerable.Range(0, counts.GetLength(1)).Select(c => counts[r, c]))));
}
