using System.Globalization;
using System.Text.Json;

namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Collects figures as scenarios produce them, prints them, and writes the JSON report.</summary>
internal sealed class FigureBook
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private readonly List<Figure> _figures = [];

    public IReadOnlyList<Figure> Figures => _figures;

    /// <summary>Adds the median of per-repetition values; <paramref name="lowerIsBetter"/> decides how the target compares.</summary>
    public Figure Add(string name, string unit, IReadOnlyList<double> repetitions, double? target = null, bool lowerIsBetter = true, string? reference = null, string? note = null)
    {
        var value = Stats.Median(repetitions);
        bool? met = target is { } t ? (lowerIsBetter ? value <= t : value >= t) : null;
        var figure = new Figure(
            name,
            Math.Round(value, 3),
            unit,
            [.. repetitions.Select(r => Math.Round(r, 3))],
            target is { } tt ? $"{(lowerIsBetter ? "<=" : ">=")} {tt.ToString(CultureInfo.InvariantCulture)} {unit}" : null,
            reference,
            met,
            note);
        _figures.Add(figure);
        Console.WriteLine(Format(figure));
        return figure;
    }

    public static string Format(Figure f)
    {
        var reps = string.Join(", ", f.Repetitions.Select(r => r.ToString("0.###", CultureInfo.InvariantCulture)));
        var verdict = f.Met switch { true => " [met]", false => " [MISSED]", null => "" };
        return string.Create(CultureInfo.InvariantCulture, $"  {f.Name}: {f.Value:0.###} {f.Unit} (runs: {reps}){(f.Target is null ? "" : $" target {f.Target}")}{verdict}{(f.Reference is null ? "" : $"; reference: {f.Reference}")}");
    }

    public async Task WriteJsonAsync(string path, MachineInfo machine, CancellationToken cancellationToken = default)
    {
        var document = new { machine, figures = _figures };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, Json, cancellationToken).ConfigureAwait(false);
    }
}
