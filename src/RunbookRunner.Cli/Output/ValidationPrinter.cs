using RunbookRunner.Cli.Output.Json;

namespace RunbookRunner.Cli.Output;

/// <summary>Prints the result of <c>runbook validate</c>: OK lines or JSON on stdout, diagnostics on stderr.</summary>
internal static class ValidationPrinter
{
    public static void Write(IReadOnlyList<FileValidation> files, OutputFormat format, TextWriter stdout, TextWriter stderr)
    {
        foreach (var file in files)
        {
            DiagnosticPrinter.Write(stderr, file.Diagnostics);
        }

        if (format == OutputFormat.Json)
        {
            CliJson.Write(stdout, new ValidateDocument(
                [.. files.Select(f => new ValidatedFileDocument(f.Path, f.Ok, f.Steps, [.. f.Diagnostics.Select(DiagnosticDocument.From)]))]));
        }
        else
        {
            foreach (var file in files.Where(f => f.Ok))
            {
                stdout.WriteLine($"OK {file.Path} ({DiagnosticPrinter.Count(file.Steps ?? 0, "step")})");
            }
        }

        var failed = files.Count(f => !f.Ok);
        if (failed > 0)
        {
            var errors = files.Sum(f => f.Diagnostics.Count(d => d.IsError));
            var warnings = files.Sum(f => f.Diagnostics.Count(d => !d.IsError));
            stderr.WriteLine(DiagnosticPrinter.Summary(errors, warnings, failed, files.Count));
        }
    }
}
