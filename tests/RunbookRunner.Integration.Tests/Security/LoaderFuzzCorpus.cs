using System.Globalization;
using System.Text;

namespace RunbookRunner.Integration.Tests.Security;

/// <summary>
/// Inputs for the loader fuzz test. Input <c>i</c> of a seed is always the same text: two thirds are generated
/// runbooks (known keys, random shapes and values), the rest mutations of slices of real runbooks (their head and
/// first step: small slices keep the run fast; one in two hundred is a whole file).
/// </summary>
internal sealed class LoaderFuzzCorpus
{
    private static readonly string[] Fragments =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b [*a, *a, *a]", "!!str ", "!!binary ", "!x ", "? ", "|", "|-\n", ">", "'", "\"", "#", "\t",
        "\n", "\r\n", "\r", "  ", "    ", "${", "}", "$${", "${vars.", "${secrets.", "${steps.x.outputs.", "${run.id}", "T-", "T+", "T+1d2h", "T-99999999h", "0", "-1",
        "99999999999999999999", "1e999", "~", "null", "true", "<<: ", "<<: *a\n", "---\n", "...\n", "\0", "\uFEFF", "\u00e9", "\ud800", "\u202e", "%YAML 1.2\n",
        "after: [", "after: [x, y]", "id: x", "id: ", "steps:\n", "  - id: a\n", "every: 0s", "until: T+", "timeout: -5m", "retry: { attempts: -1 }",
        "approval: { roles: [", "required: 0", "on_failure: explode", "action: nope", "wait: 1y", "at: T", "guards:\n", "rollback:\n", "check: {", "json_path: $..",
    ];

    private static readonly string[] TopKeys = ["name", "title", "timezone", "channel", "environments", "vars", "secrets", "roles", "defaults", "steps", "guards", "rollback", "bogus"];

    private static readonly string[] StepKeys =
    [
        "id", "title", "at", "after", "action", "with", "approval", "manual", "wait", "gates", "timeout", "retry", "on_failure", "undo", "idempotent", "every", "until", "when", "x-unknown",
    ];

    private static readonly string[] Actions = ["shell", "http", "http.check", "postgres.backup", "github.deployment", "dns.cloudflare", "slack.post", "nope.action"];

    private readonly IReadOnlyList<string> _whole;
    private readonly IReadOnlyList<string> _slices;

    private LoaderFuzzCorpus(IReadOnlyList<string> whole, IReadOnlyList<string> slices)
    {
        _whole = whole;
        _slices = slices;
    }

    public static LoaderFuzzCorpus Create(IReadOnlyList<string> runbooks)
    {
        ArgumentNullException.ThrowIfNull(runbooks);
        var slices = new List<string>();
        foreach (var text in runbooks)
        {
            // The head of the file up to the first few steps: a valid, smaller runbook in the same style.
            var lines = text.Split('\n');
            var stepStarts = lines.Select((l, i) => (l, i)).Where(x => x.l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)).Select(x => x.i).ToList();
            foreach (var cut in stepStarts.Take(2))
            {
                slices.Add(string.Join('\n', lines.Take(cut)) + "\n");
            }
        }

        return new LoaderFuzzCorpus(runbooks, slices.Count > 0 ? slices : runbooks);
    }

    public string Input(int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        if (index % 3 != 1)
        {
            return Generate(random);
        }

        var source = index % 200 == 1 ? _whole[random.Next(_whole.Count)] : _slices[random.Next(_slices.Count)];
        return Mutate(source, random);
    }

    private static string Mutate(string source, Random random)
    {
        var text = new StringBuilder(source);
        var edits = random.Next(1, 8);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(8))
            {
                case 0:
                case 1:
                    text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    if (text.Length > 0)
                    {
                        var start = Math.Min(at, text.Length - 1);
                        text.Remove(start, Math.Min(random.Next(1, 40), text.Length - start));
                    }

                    break;
                case 3:
                    text.Length = at;
                    break;
                case 4:
                    if (text.Length > 0)
                    {
                        // Duplicate a span elsewhere: repeated keys, repeated steps, misplaced indentation.
                        var from = random.Next(text.Length);
                        var span = text.ToString(from, Math.Min(random.Next(1, 200), text.Length - from));
                        text.Insert(random.Next(text.Length + 1), span);
                    }

                    break;
                case 5:
                    if (at < text.Length)
                    {
                        text[at] = (char)random.Next(0, 0x3000);
                    }

                    break;
                case 6:
                    text.Insert(at, new string(' ', random.Next(1, 9)));
                    break;
                default:
                    text.Insert(at, new string(random.Next(2) == 0 ? '[' : '{', random.Next(1, 100)));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Generate(Random random)
    {
        var text = new StringBuilder();
        foreach (var key in TopKeys.Where(_ => random.Next(4) != 0))
        {
            text.Append(key).Append(':');
            if (key == "steps" || key == "rollback")
            {
                text.Append('\n');
                var steps = random.Next(0, 8);
                for (var s = 0; s < steps; s++)
                {
                    text.Append("  - id: ").Append(Word(random, s)).Append('\n');
                    foreach (var stepKey in StepKeys.Where(_ => random.Next(5) == 0))
                    {
                        text.Append("    ").Append(stepKey).Append(": ").Append(StepValue(random, stepKey, s)).Append('\n');
                    }
                }
            }
            else
            {
                text.Append(' ').Append(Value(random, 0)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string StepValue(Random random, string key, int index) => key switch
    {
        "action" => Actions[random.Next(Actions.Length)],
        "after" => $"[{Word(random, random.Next(index + 2))}]",
        "at" or "until" => $"T{(random.Next(2) == 0 ? '-' : '+')}{random.Next(0, 500)}{"smhd"[random.Next(4)]}",
        "wait" or "timeout" or "every" => $"{random.Next(-2, 100)}{"smhdx"[random.Next(5)]}",
        "approval" => $"{{ roles: [{Word(random, 0)}], required: {random.Next(-1, 4)}, timeout: {random.Next(0, 90)}m }}",
        "manual" => $"{{ title: \"{Word(random, 1)}\", roles: [{Word(random, 2)}] }}",
        "with" => $"{{ run: \"echo ${{{(random.Next(2) == 0 ? "vars" : "secrets")}.{Word(random, 3)}}}\", url: \"${{app_url}}/x\" }}",
        _ => Value(random, 1),
    };

    private static string Value(Random random, int depth) => random.Next(depth > 2 ? 4 : 7) switch
    {
        0 => Word(random, random.Next(10)),
        1 => random.Next(-1000, 1000).ToString(CultureInfo.InvariantCulture),
        2 => "\"" + Fragments[random.Next(Fragments.Length)].Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"",
        3 => random.Next(2) == 0 ? "true" : "~",
        4 => "[" + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1))) + "]",
        _ => "{ " + string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(i => $"{Word(random, i)}: {Value(random, depth + 1)}")) + " }",
    };

    private static string Word(Random random, int n) => random.Next(6) switch
    {
        0 => "a",
        1 => "step-" + n.ToString(CultureInfo.InvariantCulture),
        2 => "Bad Id!",
        3 => new string('x', random.Next(1, 300)),
        _ => "s" + n.ToString(CultureInfo.InvariantCulture),
    };
}
