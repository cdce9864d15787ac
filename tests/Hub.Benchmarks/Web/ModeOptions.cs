using System.Globalization;

namespace Hub.Benchmarks.Web;

/// <summary>Whole-number options of the throughput and soak modes (<c>--name value</c>), with defaults.</summary>
internal sealed class ModeOptions
{
    private readonly Dictionary<string, int> _values;

    private ModeOptions(Dictionary<string, int> values) => _values = values;

    public int this[string name] => _values[name];

    public static bool TryParse(IReadOnlyList<string> args, IReadOnlyDictionary<string, int> defaults, out ModeOptions options, out string? problem)
    {
        var values = new Dictionary<string, int>(defaults);
        options = new ModeOptions(values);
        problem = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : string.Empty;
            if (!defaults.ContainsKey(name) || i + 1 >= args.Count
                || !int.TryParse(args[i + 1].Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
                    NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                problem = $"Did not understand '{args[i]}' (options: {string.Join(", ", defaults.Keys.Select(k => "--" + k))}, each a whole number above 0).";
                return false;
            }
            values[name] = value;
        }
        return true;
    }

    public override string ToString() => string.Join(" ", _values.Select(v => $"--{v.Key} {v.Value}"));
}
