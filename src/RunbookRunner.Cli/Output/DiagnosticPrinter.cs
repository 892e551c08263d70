using RunbookRunner.Core.Diagnostics;

namespace RunbookRunner.Cli.Output;

/// <summary>Prints diagnostics compiler style, one per line: <c>file:line:col: error RBnnn: message</c>.</summary>
internal static class DiagnosticPrinter
{
    public static void Write(TextWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>A closing line such as <c>3 errors, 1 warning in 2 of 5 files</c>.</summary>
    public static string Summary(int errors, int warnings, int filesWithErrors, int files) =>
        $"{Count(errors, "error")}, {Count(warnings, "warning")} in {filesWithErrors} of {Count(files, "file")}";

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
