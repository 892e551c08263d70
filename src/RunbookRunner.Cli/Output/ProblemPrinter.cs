using System.Net;
using RunbookRunner.Contracts.Problems;

namespace RunbookRunner.Cli.Output;

/// <summary>Prints the server's problem details on stderr, diagnostics compiler style, one per line.</summary>
internal static class ProblemPrinter
{
    public static void Write(TextWriter stderr, HttpStatusCode status, ProblemDto problem)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Diagnostics is { Count: > 0 } diagnostics)
        {
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic.Text);
            }

            stderr.WriteLine($"error: {problem.Title ?? "invalid runbook"} ({diagnostics.Count(d => d.Severity == "error")} error(s)) [{problem.Code}, HTTP {(int)status}]");
            return;
        }

        var code = problem.Code is null ? $"HTTP {(int)status}" : $"{problem.Code}, HTTP {(int)status}";
        stderr.WriteLine($"error: {problem.Title ?? status.ToString()}: {problem.Detail} [{code}]");
    }
}
