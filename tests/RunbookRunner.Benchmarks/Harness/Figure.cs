namespace RunbookRunner.Benchmarks.Harness;

/// <summary>One measured figure: the median over repetitions, each repetition's value, and what it is compared with.</summary>
internal sealed record Figure(
    string Name,
    double Value,
    string Unit,
    IReadOnlyList<double> Repetitions,
    string? Target = null,
    string? Reference = null,
    bool? Met = null,
    string? Note = null);
