using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunbookRunner.Cli.Output;

/// <summary>JSON output conventions of the CLI: camelCase, indented, instants in UTC ISO-8601.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Terminal output, not HTML: keep '+' in "T+0" and "+01:00" readable instead of \u002B.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter writer, T document)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(document, Options));
    }

    /// <summary>An instant as <c>2026-06-01T11:00:00Z</c> (fractions only when present).</summary>
    public static string Instant(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
