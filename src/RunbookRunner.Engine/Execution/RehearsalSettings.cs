using System.Text.Json;

namespace RunbookRunner.Engine.Execution;

/// <summary>
/// How a rehearsal behaves: actions are simulated; steps, gates and guards named in
/// <see cref="Failures"/> fail (all attempts, or the first N when N &gt; 0).
/// </summary>
public sealed record RehearsalSettings
{
    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();

    public bool ApproveAll { get; init; }

    /// <summary>Parses <c>--fail STEP</c> values: <c>smoke</c> (every attempt) or <c>smoke:1</c> (the first attempt).</summary>
    public static RehearsalSettings WithFailures(IEnumerable<string> specs, bool approveAll = false)
    {
        var failures = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in specs ?? [])
        {
            var parts = spec.Split(':', 2);
            failures[parts[0]] = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
        }

        return new RehearsalSettings { Failures = failures, ApproveAll = approveAll };
    }

    /// <summary>True when attempt <paramref name="attempt"/> of <paramref name="id"/> must fail.</summary>
    public bool ShouldFail(string id, int attempt) =>
        Failures.TryGetValue(id, out var n) && (n == 0 || attempt <= n);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static RehearsalSettings FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new RehearsalSettings() : JsonSerializer.Deserialize<RehearsalSettings>(json) ?? new RehearsalSettings();
}
