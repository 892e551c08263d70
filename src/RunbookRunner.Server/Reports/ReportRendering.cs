using System.Text;
using System.Text.Json;
using RunbookRunner.Contracts;

namespace RunbookRunner.Server.Reports;

/// <summary>Picks a report format from a request and renders the report in it.</summary>
public static class ReportRendering
{
    /// <summary>Parses <c>md</c>, <c>markdown</c>, <c>html</c> or <c>json</c> (case-insensitive); null or empty gives <paramref name="fallback"/>.</summary>
    public static bool TryParse(string? text, ReportFormat fallback, out ReportFormat format)
    {
        format = fallback;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "":
                return true;
            case "md" or "markdown":
                format = ReportFormat.Md;
                return true;
            case "html":
                format = ReportFormat.Html;
                return true;
            case "json":
                format = ReportFormat.Json;
                return true;
            default:
                return false;
        }
    }

    public static IResult Render(LaunchReport report, ReportFormat format) => format switch
    {
        ReportFormat.Md => TypedResults.Text(MarkdownReport.Render(report), "text/markdown; charset=utf-8", Encoding.UTF8),
        ReportFormat.Html => TypedResults.Text(HtmlReport.Render(report), "text/html; charset=utf-8", Encoding.UTF8),
        _ => TypedResults.Text(JsonSerializer.Serialize(report, ApiJson.Options), "application/json; charset=utf-8", Encoding.UTF8),
    };
}
