using System.Text.Json;
using Hub.Application.Outcomes;
using Hub.Domain.Outcomes;
using Hub.Infrastructure.Persistence;

namespace Hub.Infrastructure.Outcomes;

/// <summary>
/// DIALOG and GBO, plus every measure definition file (<c>*.json</c>) in the folder named by
/// <c>Hub:MeasureDefinitionsPath</c>. A deploying organisation that holds a licence for a measure
/// (ReQoL, SWEMWBS, ...) adds it there; the hub ships no licensed item texts. A file that does not
/// describe a usable measure stops the hub at start with the reason, rather than being skipped.
/// </summary>
public sealed class MeasureRegistry : IMeasureRegistry
{
    private readonly Dictionary<string, MeasureDefinition> _byCode;

    public MeasureRegistry(IEnumerable<MeasureDefinition> additional)
    {
        _byCode = new Dictionary<string, MeasureDefinition>(StringComparer.OrdinalIgnoreCase)
        {
            [BuiltInMeasures.DialogCode] = BuiltInMeasures.Dialog,
            [BuiltInMeasures.GboCode] = BuiltInMeasures.Gbo,
        };
        foreach (var measure in additional)
        {
            if (measure.Problems() is { Count: > 0 } problems)
            {
                throw new InvalidOperationException($"Measure definition '{measure.Code}' cannot be used: {string.Join(" ", problems)}");
            }
            if (!_byCode.TryAdd(measure.Code, measure))
            {
                throw new InvalidOperationException($"Measure code '{measure.Code}' is defined twice.");
            }
        }
        All = _byCode.Values.ToList();
    }

    public IReadOnlyList<MeasureDefinition> All { get; }

    public MeasureDefinition? Find(string code) => _byCode.GetValueOrDefault(code);

    public static MeasureRegistry FromFolder(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            return new MeasureRegistry([]);
        }
        var definitions = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();
        return new MeasureRegistry(definitions);
    }

    public static MeasureDefinition Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize<MeasureFile>(File.ReadAllText(path), JsonColumns.Options)
                ?? throw new InvalidOperationException("The file is empty.");
            return new MeasureDefinition(file.Code ?? string.Empty, file.Name ?? string.Empty, file.Licence ?? string.Empty,
                file.Items ?? [], file.Scales ?? [], IsBuiltIn: false);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"Measure definition file {Path.GetFileName(path)} is not valid JSON: {ex.Message}", ex);
        }
    }

    private sealed record MeasureFile(string? Code, string? Name, string? Licence, List<MeasureItem>? Items, List<MeasureScale>? Scales);
}
