using System.Diagnostics;
using Hub.Application.Figures;
using Hub.Application.Reports.Suppression;

namespace Hub.UnitTests.Reports;

/// <summary>
/// The adversary: a reader who knows the published rule (<see cref="SuppressionRule.Statement"/>) and
/// reads every figure of a pack: counts, totals, shares, rates, and several tables over the same
/// people. The reader's method is exact: every table of true counts that the rule would print as this
/// very pack is a possibility, and a hidden count is disclosed when all the possibilities agree on it.
/// </summary>
/// <remarks>
/// The solver does not reason about intervals the way <c>PackSuppression</c> does: it takes candidate
/// true counts, prints them with the production code and compares every printed character with the
/// pack. So it also catches what the rule gives away by the way it chooses figures to hide. For each
/// hidden count it searches for a candidate that prints the same pack with a different value there.
/// The search box (a shown 15 stands for 13 to 17, a * for 1 up to a few more than its true value) is
/// only ever smaller than the reader's, so finding a second value in it proves the reader cannot pin
/// the figure down.
/// </remarks>
public sealed class SuppressionAdversaryTests
{
    private const int Packs = 10_000;

    [Fact]
    public void A_reader_who_knows_the_rule_and_reads_the_whole_pack_cannot_narrow_any_hidden_count_to_a_single_value()
    {
        var random = new Random(20261206);
        // Connect and Do's volunteering counts go into every other pack, drawn from a random of their
        // own so the other figures of every pack are the same as before they were added.
        var volunteeringRandom = new Random(20261207);
        var disclosures = new List<string>();
        var hiddenCounts = 0;
        var hiddenVolunteering = 0;
        var kinds = new int[3];
        for (var n = 0; n < Packs; n++)
        {
            var spec = PackSpec.Generate(random);
            if (n % 2 == 0)
            {
                spec = spec.WithVolunteering(volunteeringRandom);
            }
            kinds[(int)spec.Kind]++;
            var printed = spec.Print(spec.Truth);
            foreach (var hidden in spec.HiddenCounts(printed))
            {
                hiddenCounts++;
                hiddenVolunteering += spec.IsVolunteering(hidden) ? 1 : 0;
                var solver = new Solver(spec, printed, hidden);
                var alternative = solver.FindAnotherValue();
                if (alternative is null)
                {
                    disclosures.Add($"{spec} figure {spec.FigureNames[hidden]} is pinned ({(solver.Exhausted ? "search exhausted" : "search cut short")})");
                }
            }
        }

        disclosures.ShouldBeEmpty();
        kinds.ShouldAllBe(k => k > Packs / 5, "every kind of pack is generated");
        hiddenCounts.ShouldBeGreaterThan(Packs, "the generated packs must hide plenty of counts to test");
        hiddenVolunteering.ShouldBeGreaterThan(Packs / 4, "the volunteering counts are hidden often enough to test");
    }

    [Fact]
    public void The_solver_pins_a_hidden_cell_that_primary_suppression_alone_leaves_recoverable()
    {
        // Guards the test above: a pack printed without secondary suppression, [12, 3, 20] with its
        // total, leaves the 3 to subtraction once shares of the true counts are printed beside it.
        var spec = new PackSpec(PackKind.OneLine, 1, 3, Shares: true, ColumnShares: false, Returns: false, [12, 3, 20], Naive: true);
        var printed = spec.Print(spec.Truth);
        var hidden = spec.HiddenCounts(printed).ShouldHaveSingleItem();

        new Solver(spec, printed, hidden).FindAnotherValue().ShouldBeNull();
    }

    [Fact]
    public void The_solver_finds_the_second_value_of_a_well_protected_cell()
    {
        var spec = new PackSpec(PackKind.OneLine, 1, 4, Shares: true, ColumnShares: false, Returns: false, [12, 3, 20, 40], Naive: false);
        var printed = spec.Print(spec.Truth);

        foreach (var hidden in spec.HiddenCounts(printed))
        {
            new Solver(spec, printed, hidden).FindAnotherValue().ShouldNotBeNull();
        }
    }

    internal enum PackKind
    {
        /// <summary>One breakdown and its total, with shares or rates, and perhaps a rate of another count over the total.</summary>
        OneLine,

        /// <summary>A two-way table with its margins, the margins also printed as breakdowns with shares or rates.</summary>
        TwoWay,

        /// <summary>Two breakdowns of the same people (by source and by ethnic group, say) sharing one total; the cross-table is never printed.</summary>
        SharedTotal,
    }

    /// <summary>
    /// A pack's shape and true counts. Unknowns: the cells of the one line; the cells of the two-way
    /// table; or the groups of both breakdowns (rows first). A final unknown is the extra count when
    /// <see cref="Returns"/> is set.
    /// </summary>
    /// <remarks>
    /// With <see cref="Volunteering"/>, the last four unknowns are Connect and Do's volunteering
    /// counts (requests, matches, outings that happened, people who went on to go alone), registered
    /// in the same pack by the production code (<see cref="VolunteeringPackFigures.Register"/>).
    /// </remarks>
    internal sealed record PackSpec(PackKind Kind, int Rows, int Columns, bool Shares, bool ColumnShares, bool Returns, int[] Truth, bool Naive = false, bool Volunteering = false)
    {
        public int Unknowns => Truth.Length;

        private int ReturnsUnknown => TableUnknowns;

        private int VolunteeringStart => TableUnknowns + (Returns ? 1 : 0);

        /// <summary>The same pack with the four volunteering counts beside it.</summary>
        public PackSpec WithVolunteering(Random random) =>
            this with { Volunteering = true, Truth = [.. Truth, .. Enumerable.Range(0, 4).Select(_ => Count(random))] };

        /// <summary>Whether an unknown is one of the volunteering counts.</summary>
        public bool IsVolunteeringUnknown(int unknown) => Volunteering && unknown >= VolunteeringStart;

        /// <summary>Whether a printed count figure is one of the volunteering counts.</summary>
        public bool IsVolunteering(int figure) => Volunteering && CountFigures[figure] is [var only] && only >= VolunteeringStart;

        private int TableUnknowns => Kind switch
        {
            PackKind.OneLine => Columns,
            PackKind.TwoWay => Rows * Columns,
            _ => Rows + Columns,
        };

        public static PackSpec Generate(Random random)
        {
            var kind = (PackKind)random.Next(3);
            var rows = kind == PackKind.OneLine ? 1 : random.Next(1, 4);
            var columns = kind == PackKind.OneLine ? random.Next(2, 7) : random.Next(2, 4);
            var returns = random.Next(3) == 0;
            var truth = new List<int>();
            switch (kind)
            {
                case PackKind.OneLine:
                    truth.AddRange(Enumerable.Range(0, columns).Select(_ => Count(random)));
                    break;
                case PackKind.TwoWay:
                    truth.AddRange(Enumerable.Range(0, rows * columns).Select(_ => Count(random)));
                    break;
                default:
                    // Two breakdowns of the same people: draw the people, then count them both ways.
                    var people = Enumerable.Range(0, rows * columns).Select(_ => Count(random)).ToArray();
                    truth.AddRange(Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Sum(c => people[(r * columns) + c])));
                    truth.AddRange(Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Sum(r => people[(r * columns) + c])));
                    break;
            }

            if (returns)
            {
                var total = kind == PackKind.SharedTotal ? truth.Take(rows).Sum() : truth.Sum();
                truth.Add(random.Next(0, total + 1));
            }

            return new PackSpec(kind, rows, columns, random.Next(2) == 0, random.Next(2) == 0, returns, [.. truth]);
        }

        /// <summary>Zeros, small counts and larger ones, tilted towards the small, so suppression has work to do.</summary>
        private static int Count(Random random) => random.Next(10) switch
        {
            < 2 => 0,
            < 6 => random.Next(1, 5),
            < 9 => random.Next(5, 16),
            _ => random.Next(16, 60),
        };

        /// <summary>Whether candidate counts can be a pack of this shape at all (both breakdowns count the same people).</summary>
        public bool Possible(int[] values) =>
            Kind != PackKind.SharedTotal || values.Take(Rows).Sum() == values.Skip(Rows).Take(Columns).Sum();

        /// <summary>What a pack of these counts prints, every figure in a fixed order, with <see cref="FigureNames"/>.</summary>
        public string[] Print(int[] values)
        {
            var pack = new FigurePack();
            var counts = new List<Figure>();
            var rates = new List<RateFigure>();
            var shares = new List<(Figure Part, Figure Whole)>();

            void Breakdown(IReadOnlyList<Figure> cells, Figure total, bool withShares)
            {
                foreach (var cell in cells)
                {
                    if (withShares)
                    {
                        shares.Add((cell, total));
                    }
                    else
                    {
                        rates.Add(pack.Rate(cell, total));
                    }
                }
            }

            Figure grand;
            switch (Kind)
            {
                case PackKind.OneLine:
                {
                    var cells = values.Take(Columns).Select(v => pack.Count(v)).ToList();
                    grand = pack.Total(cells, "grand");
                    counts.AddRange(cells);
                    counts.Add(grand);
                    Breakdown(cells, grand, Shares);
                    break;
                }

                case PackKind.TwoWay:
                {
                    var cells = values.Take(Rows * Columns).Select(v => pack.Count(v)).ToList();
                    var rowTotals = Enumerable.Range(0, Rows).Select(r => pack.Total(cells.Skip(r * Columns).Take(Columns).ToList())).ToList();
                    var columnTotals = Enumerable.Range(0, Columns).Select(c => pack.Total(Enumerable.Range(0, Rows).Select(r => cells[(r * Columns) + c]).ToList())).ToList();
                    grand = pack.Total(rowTotals, "grand");
                    pack.Total(columnTotals, "grand");
                    counts.AddRange(cells);
                    counts.AddRange(rowTotals);
                    counts.AddRange(columnTotals);
                    counts.Add(grand);
                    Breakdown(rowTotals, grand, Shares);
                    Breakdown(columnTotals, grand, ColumnShares);
                    break;
                }

                default:
                {
                    var byRow = values.Take(Rows).Select(v => pack.Count(v)).ToList();
                    var byColumn = values.Skip(Rows).Take(Columns).Select(v => pack.Count(v)).ToList();
                    grand = pack.Total(byRow, "grand");
                    pack.Total(byColumn, "grand");
                    counts.AddRange(byRow);
                    counts.AddRange(byColumn);
                    counts.Add(grand);
                    Breakdown(byRow, grand, Shares);
                    Breakdown(byColumn, grand, ColumnShares);
                    break;
                }
            }

            if (Returns)
            {
                var returned = pack.Count(values[ReturnsUnknown]);
                counts.Add(returned);
                rates.Add(pack.Rate(returned, grand));
            }

            if (Volunteering)
            {
                var v = VolunteeringStart;
                counts.AddRange(VolunteeringPackFigures.Register(pack, new VolunteeringFacts(true, values[v], values[v + 1], values[v + 2], values[v + 3])).All);
            }

            if (Naive)
            {
                // Primary suppression only, with shares of the true counts: what the rule must prevent.
                return [.. counts.Select((f, i) => SmallNumbers.Count(CountOf(values, i)).Text),
                    .. shares.Select(s => SmallNumbers.Rate(CountOf(values, counts.IndexOf(s.Part)), CountOf(values, counts.IndexOf(s.Whole))).Text),
                    .. rates.Select(_ => string.Empty)];
            }

            var published = pack.Publish();
            return [.. counts.Select(f => published[f].Text), .. shares.Select(s => published.Share(s.Part, s.Whole).Text), .. rates.Select(r => published[r].Text)];
        }

        /// <summary>The printed count figures, in <see cref="Print"/>'s order, as sums of unknowns.</summary>
        public IReadOnlyList<int[]> CountFigures => _countFigures ??= BuildCountFigures();

        public IReadOnlyList<string> FigureNames => _names ??= BuildNames();

        private IReadOnlyList<int[]>? _countFigures;
        private IReadOnlyList<string>? _names;

        public int CountOf(int[] values, int figure) => CountFigures[figure].Sum(i => values[i]);

        public IEnumerable<int> HiddenCounts(string[] printed) =>
            Enumerable.Range(0, CountFigures.Count).Where(i => printed[i] == SuppressedValue.Mark);

        private List<int[]> BuildCountFigures()
        {
            var figures = new List<int[]>();
            switch (Kind)
            {
                case PackKind.OneLine:
                    figures.AddRange(Enumerable.Range(0, Columns).Select(c => new[] { c }));
                    figures.Add([.. Enumerable.Range(0, Columns)]);
                    break;
                case PackKind.TwoWay:
                    figures.AddRange(Enumerable.Range(0, Rows * Columns).Select(i => new[] { i }));
                    figures.AddRange(Enumerable.Range(0, Rows).Select(r => Enumerable.Range(0, Columns).Select(c => (r * Columns) + c).ToArray()));
                    figures.AddRange(Enumerable.Range(0, Columns).Select(c => Enumerable.Range(0, Rows).Select(r => (r * Columns) + c).ToArray()));
                    figures.Add([.. Enumerable.Range(0, Rows * Columns)]);
                    break;
                default:
                    figures.AddRange(Enumerable.Range(0, Rows + Columns).Select(i => new[] { i }));
                    figures.Add([.. Enumerable.Range(0, Rows)]);
                    break;
            }

            if (Returns)
            {
                figures.Add([ReturnsUnknown]);
            }

            if (Volunteering)
            {
                figures.AddRange(Enumerable.Range(VolunteeringStart, 4).Select(u => new[] { u }));
            }

            return figures;
        }

        private List<string> BuildNames() => CountFigures.Select((f, i) => f.Length == 1 ? $"#{i} (unknown {f[0]})" : $"#{i} (total of {string.Join("+", f)})").ToList();

        public override string ToString() =>
            $"{Kind} {Rows}x{Columns} shares={Shares}/{ColumnShares} returns={Returns} volunteering={Volunteering} truth=[{string.Join(", ", Truth)}]";
    }

    /// <summary>
    /// A depth-first search for candidate counts that print exactly the same pack but give
    /// <c>target</c> another value. Each unknown ranges over the values its own printed figure
    /// allows; every printed sum prunes as soon as its unknowns are bounded; a complete candidate is
    /// printed by the production code and compared character for character.
    /// </summary>
    private sealed class Solver
    {
        private const int NodeBudget = 3_000_000;

        private readonly PackSpec _spec;
        private readonly string[] _printed;
        private readonly int _target;
        private readonly int _targetTruth;
        private readonly int[][] _domains;
        private readonly (int[] Unknowns, int Low, int High)[] _sums;
        private readonly int[] _values;
        private readonly int[] _least;
        private readonly int[] _most;
        private int _nodes;

        public Solver(PackSpec spec, string[] printed, int target)
        {
            _spec = spec;
            _printed = printed;
            _target = target;
            _targetTruth = spec.CountOf(spec.Truth, target);
            _values = new int[spec.Unknowns];

            // An unknown's own figure is the printed count whose only term it is.
            _domains = Enumerable.Range(0, spec.Unknowns).Select(u =>
            {
                var own = spec.CountFigures.Select((f, i) => (f, i)).First(x => x.f.Length == 1 && x.f[0] == u).i;
                // The volunteering counts share no line or rate with the rest of the pack (their
                // registration ties them to nothing), so a search for another value of one side holds
                // the other side at its truth: any pack it finds is still a real alternative, and the
                // search does not multiply by values that cannot matter.
                if (spec.Volunteering && spec.IsVolunteeringUnknown(u) != spec.IsVolunteering(target))
                {
                    return [spec.Truth[u]];
                }
                var (low, high) = Range(printed[own], spec.Truth[u]);
                // Nearest the truth first: alternatives are usually small moves.
                return Enumerable.Range(low, high - low + 1).OrderBy(v => Math.Abs(v - spec.Truth[u])).ThenBy(v => v).ToArray();
            }).ToArray();
            var sums = spec.CountFigures.Select((f, i) => (f, i)).Where(x => x.f.Length > 1)
                .Select(x => { var (low, high) = Range(printed[x.i], spec.CountOf(spec.Truth, x.i)); return (Unknowns: x.f, Low: low, High: high); })
                .ToList();
            if (spec.Kind == PackKind.SharedTotal)
            {
                // Both breakdowns add up to the one total printed after them.
                var grand = Range(printed[spec.Rows + spec.Columns], spec.CountOf(spec.Truth, spec.Rows + spec.Columns));
                sums.Add(([.. Enumerable.Range(0, spec.Rows)], grand.Low, grand.High));
                sums.Add(([.. Enumerable.Range(spec.Rows, spec.Columns)], grand.Low, grand.High));
            }

            _sums = [.. sums];
            _least = _domains.Select(d => d.Min()).ToArray();
            _most = _domains.Select(d => d.Max()).ToArray();
        }

        public bool Exhausted { get; private set; }

        /// <summary>The range of true counts a printed count allows, cut to a box around the truth for hidden ones.</summary>
        private static (int Low, int High) Range(string printed, int truth)
        {
            if (printed == SuppressedValue.Mark)
            {
                return (1, Math.Max(truth, SmallNumbers.LargestSmallCount) + 6);
            }

            var shown = int.Parse(printed, System.Globalization.CultureInfo.InvariantCulture);
            return shown == 0 ? (0, 0) : (Math.Max(SmallNumbers.LargestSmallCount + 1, shown - 2), shown + 2);
        }

        public int[]? FindAnotherValue()
        {
            // Small moves away from the truth first (one count up or down, one moved between two
            // counts, or around a rectangle of a two-way table, which keeps every total): where the
            // rule protects a figure, one of these usually prints the same pack.
            var found = SmallMoves().FirstOrDefault(Consistent);
            if (found is not null)
            {
                return found;
            }

            found = Search(0);
            Exhausted = found is null && _nodes < NodeBudget;
            return found;
        }

        private IEnumerable<int[]> SmallMoves()
        {
            var n = _spec.Unknowns;
            int[] Moved(params (int Unknown, int By)[] moves)
            {
                var values = (int[])_spec.Truth.Clone();
                foreach (var (unknown, by) in moves)
                {
                    values[unknown] += by;
                }

                return values;
            }

            foreach (var by in new[] { 1, -1, 2, -2 })
            {
                for (var u = 0; u < n; u++)
                {
                    yield return Moved((u, by));
                    for (var v = u + 1; v < n; v++)
                    {
                        yield return Moved((u, by), (v, -by));
                        yield return Moved((u, by), (v, by));
                    }
                }
            }

            if (_spec.Kind == PackKind.TwoWay)
            {
                int At(int r, int c) => (r * _spec.Columns) + c;
                foreach (var by in new[] { 1, -1, 2, -2 })
                {
                    for (var r1 = 0; r1 < _spec.Rows; r1++)
                    {
                        for (var r2 = r1 + 1; r2 < _spec.Rows; r2++)
                        {
                            for (var c1 = 0; c1 < _spec.Columns; c1++)
                            {
                                for (var c2 = c1 + 1; c2 < _spec.Columns; c2++)
                                {
                                    yield return Moved((At(r1, c1), by), (At(r1, c2), -by), (At(r2, c1), -by), (At(r2, c2), by));
                                }
                            }
                        }
                    }
                }
            }
        }

        /// <summary>Prints the same pack as the truth, with another value for the target.</summary>
        private bool Consistent(int[] values) =>
            values.All(v => v >= 0)
            && _spec.CountOf(values, _target) != _targetTruth
            && _spec.Possible(values)
            && _spec.Print(values).SequenceEqual(_printed);

        private int[]? Search(int unknown)
        {
            if (++_nodes > NodeBudget)
            {
                return null;
            }

            if (unknown == _spec.Unknowns)
            {
                return Consistent(_values) ? (int[])_values.Clone() : null;
            }

            foreach (var value in _domains[unknown])
            {
                _values[unknown] = value;
                if (StillPossible(unknown) && Search(unknown + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>Every printed sum can still land in its range given the unknowns set so far and the bounds of the rest.</summary>
        private bool StillPossible(int lastSet)
        {
            foreach (var (unknowns, low, high) in _sums)
            {
                long least = 0, most = 0;
                foreach (var u in unknowns)
                {
                    if (u <= lastSet)
                    {
                        least += _values[u];
                        most += _values[u];
                    }
                    else
                    {
                        least += _least[u];
                        most += _most[u];
                    }
                }

                if (most < low || least > high)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
