using System.Globalization;
using RunbookRunner.Actions.Parameters;
using RunbookRunner.Core.Model;

namespace RunbookRunner.Actions.Http;

/// <summary>
/// Accepted HTTP status codes: a number (<c>200</c>), a class (<c>2xx</c>), a range (<c>200-299</c>) or a
/// list of these (<c>[200, 204, 3xx]</c>).
/// </summary>
public sealed class StatusExpectation
{
    private readonly IReadOnlyList<(int Low, int High)> _ranges;

    private StatusExpectation(IReadOnlyList<(int Low, int High)> ranges, string text)
    {
        _ranges = ranges;
        Text = text;
    }

    public static StatusExpectation Success { get; } = new([(200, 299)], "2xx");

    public string Text { get; }

    public bool Accepts(int status) => _ranges.Any(r => status >= r.Low && status <= r.High);

    /// <summary>Reads <paramref name="name"/> from the parameters; absent means <paramref name="fallback"/> (2xx by default).</summary>
    public static StatusExpectation Read(ParameterReader parameters, string name, StatusExpectation? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var value = parameters.Raw(name);
        if (value is null)
        {
            return fallback ?? Success;
        }

        var items = value switch
        {
            ScalarValue s => [s],
            ListValue l => l.Items,
            _ => throw parameters.Wrong(name, "a status code, a list, or a class such as 2xx", value),
        };

        var ranges = new List<(int, int)>();
        foreach (var item in items)
        {
            if (item is not ScalarValue s || !TryParseOne(s.Text.Trim(), out var range))
            {
                throw parameters.Wrong(name, "a status code (200), a class (2xx), a range (200-299) or a list of these", item);
            }

            ranges.Add(range);
        }

        if (ranges.Count == 0)
        {
            throw new ActionParameterException($"parameter '{name}' is an empty list; list at least one status such as 200");
        }

        return new StatusExpectation(ranges, string.Join(", ", items.Cast<ScalarValue>().Select(s => s.Text.Trim())));
    }

    private static bool TryParseOne(string text, out (int Low, int High) range)
    {
        range = default;
        if (text.Length == 3 && char.IsAsciiDigit(text[0]) && text[1..].Equals("xx", StringComparison.OrdinalIgnoreCase))
        {
            var low = (text[0] - '0') * 100;
            range = (low, low + 99);
            return text[0] is >= '1' and <= '5';
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            if (TryCode(text[..dash], out var a) && TryCode(text[(dash + 1)..], out var b) && a <= b)
            {
                range = (a, b);
                return true;
            }

            return false;
        }

        if (TryCode(text, out var code))
        {
            range = (code, code);
            return true;
        }

        return false;
    }

    private static bool TryCode(string text, out int code) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 599;

    public override string ToString() => Text;
}
