namespace RunbookRunner.Benchmarks.Harness;

/// <summary>Command line of the harness.</summary>
internal sealed record BenchOptions
{
    /// <summary>Write every figure to this file as JSON.</summary>
    public string? JsonPath { get; init; }

    /// <summary>Smaller workloads (a smoke run of every measurement in a few minutes).</summary>
    public bool Quick { get; init; }

    /// <summary>Only these scenarios (micro, cli, lateness, approval, throughput, capacity, narration); empty for all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Repetitions of each measurement; figures are medians over them.</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>Runs parked on approvals in the capacity scenario (default 10,000; 1,000 with --quick).</summary>
    public int? Parked { get; init; }

    public bool Runs(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--json" when i + 1 < args.Count => options with { JsonPath = args[++i] },
                "--quick" => options with { Quick = true },
                "--only" when i + 1 < args.Count => options with { Only = new HashSet<string>(args[++i].Split(','), StringComparer.OrdinalIgnoreCase) },
                "--parked" when i + 1 < args.Count => options with { Parked = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture) },
                "--repetitions" when i + 1 < args.Count => options with { Repetitions = Math.Max(1, int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'; use [--json FILE] [--quick] [--only micro,cli,lateness,approval,throughput,capacity,narration] [--repetitions N] [--parked N]"),
            };
        }

        return options;
    }
}
