using Hub.Domain.Outcomes;

namespace Hub.Application.Outcomes;

/// <summary>The outcome measures this hub can use: the built-in ones and any the deploying organisation loaded.</summary>
public interface IMeasureRegistry
{
    IReadOnlyList<MeasureDefinition> All { get; }

    MeasureDefinition? Find(string code);

    /// <summary>Measures beyond DIALOG and GBO, offered as optional sections of a conversation.</summary>
    IEnumerable<MeasureDefinition> Additional => All.Where(m => m.Code is not (BuiltInMeasures.DialogCode or BuiltInMeasures.GboCode));
}
