using System.Globalization;
using System.Text;

namespace RunbookRunner.Core.Planning.Calendar;

/// <summary>
/// Writes iCalendar content lines (RFC 5545 §3.1): CRLF line ends, lines folded at 75 octets without splitting a
/// UTF-8 sequence, TEXT values escaped (§3.3.11).
/// </summary>
internal sealed class IcsWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder _text = new();

    public void Line(string name, string value) => Fold(name + ":" + value);

    public void Line(string name, string parameters, string value) => Fold(name + ";" + parameters + ":" + value);

    public void Text(string name, string value) => Line(name, Escape(value));

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .ReplaceLineEndings("\\n");
    }

    /// <summary>A local date-time in the basic format of §3.3.5 (<c>20260601T060000</c>).</summary>
    public static string LocalDateTime(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>A UTC date-time (<c>20260601T050000Z</c>).</summary>
    public static string UtcDateTime(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A UTC offset of §3.3.14 (<c>+0100</c>, <c>-0430</c>).</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    public override string ToString() => _text.ToString();

    private void Fold(string line)
    {
        var octets = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > MaxOctets)
            {
                _text.Append(line, start, i - start).Append("\r\n ");
                start = i;

                // The continuation line starts with the folding space, which counts.
                octets = 1;
            }

            octets += width;
            if (char.IsHighSurrogate(line[i]))
            {
                i++;
            }
        }

        _text.Append(line, start, line.Length - start).Append("\r\n");
    }
}
