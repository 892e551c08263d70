using System.Globalization;
using System.Text;

namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>A small iCalendar reader for tests: unfolds lines, splits components, reads properties and TZID times.</summary>
internal sealed class IcsDocument
{
    private IcsDocument(IReadOnlyList<IcsComponent> components) => Components = components;

    public IReadOnlyList<IcsComponent> Components { get; }

    public IEnumerable<IcsComponent> All(string name) => Components.SelectMany(c => c.Descendants()).Where(c => c.Name == name);

    public static IcsDocument Parse(string text)
    {
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal);
        var stack = new Stack<IcsComponent>();
        var roots = new List<IcsComponent>();
        foreach (var line in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var property = IcsProperty.Parse(line);
            if (property.Name == "BEGIN")
            {
                var component = new IcsComponent(property.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else
                {
                    roots.Add(component);
                }

                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                var closed = stack.Pop();
                if (closed.Name != property.Value)
                {
                    throw new FormatException($"END:{property.Value} closes {closed.Name}");
                }
            }
            else
            {
                stack.Peek().Properties.Add(property);
            }
        }

        if (stack.Count > 0)
        {
            throw new FormatException($"{stack.Peek().Name} is not closed");
        }

        return new IcsDocument(roots);
    }

    /// <summary>Reads <c>DTSTART;TZID=...:local</c> back to an instant with the offsets of the calendar's own VTIMEZONE.</summary>
    public DateTimeOffset Instant(IcsProperty property)
    {
        var tzid = property.Parameters["TZID"];
        var zone = All("VTIMEZONE").Single(z => z.Value("TZID") == tzid);
        var local = DateTime.ParseExact(property.Value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

        // The observance in force is the latest whose start (in its own TZOFFSETFROM) is not after the local time.
        var observance = zone.Children
            .Select(o => (Start: DateTime.ParseExact(o.Value("DTSTART"), "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture), To: Offset(o.Value("TZOFFSETTO"))))
            .Where(o => o.Start <= local)
            .MaxBy(o => o.Start);
        return new DateTimeOffset(local, observance.To);
    }

    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }

    private static TimeSpan Offset(string text)
    {
        var span = new TimeSpan(int.Parse(text[1..3], CultureInfo.InvariantCulture), int.Parse(text[3..5], CultureInfo.InvariantCulture), 0);
        return text[0] == '-' ? span.Negate() : span;
    }
}
