using FluentAssertions;
using RunbookRunner.Core.Loading;
using RunbookRunner.Core.Tests.TestSupport;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Tests.Loading;

/// <summary>The loader never throws: mutated and hostile inputs become diagnostics.</summary>
public class LoaderRobustnessTests
{
    private static readonly string[] Fragments =
    [
        ":", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "!x ", "? ", "|", ">", "'", "\"", "#", "\t", "\n", "  ", "${", "}", "$${",
        "${vars.", "${steps.x.outputs.", "T-", "T+", "0", "-1", "99999999999999999999", "~", "null", "true", "<<: ", "---\n", "...\n", "\0", "\uFEFF", "\u00e9",
    ];

    [Fact]
    public void Load_MutatedRunbooks_NeverThrowAndNeverHitInternalErrors()
    {
        var random = new Random(20261122);
        var source = Fixtures.LaunchDay;
        for (var i = 0; i < 300; i++)
        {
            var text = Mutate(source, random);

            var act = () => RunbookLoader.Load(text, "fuzz.yaml");

            var result = act.Should().NotThrow().Subject;
            result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.InternalError, $"input #{i}:\n{text}");
            result.Diagnostics.Where(d => d.Location.Line < 1 || d.Location.Column < 1).Should().BeEmpty();
        }
    }

    [Theory]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("{a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a: {a:")]
    [InlineData("a: &a [*a]")]
    [InlineData("? [a, b]\n: c\n")]
    [InlineData("name: t\nsteps:\n  - id: a\n    wait: 1m\n    after: [a]\n")]
    [InlineData("name: t\nsteps:\n  - id: a\n    action: shell\n    with: { run: \"${\" }\n")]
    [InlineData("name: t\nsteps: [ { id: a, approval: { roles: [], required: 99999999999 } } ]\n")]
    [InlineData("\"\\u")]
    [InlineData("%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\nname: t\n")]
    public void Load_HostileInput_ReportsDiagnosticsWithoutThrowing(string text)
    {
        var result = RunbookLoader.Load(text, "hostile.yaml");

        result.HasErrors.Should().BeTrue();
        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.InternalError, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void Load_WideAliasFanOut_IsRefusedWithinLimits()
    {
        var text = "x: &x [" + string.Join(",", Enumerable.Repeat("a", 1000)) + "]\ny: [" + string.Join(",", Enumerable.Repeat("*x", 1000)) + "]\n";

        var result = RunbookLoader.Load(text, "wide.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.TooLarge);
    }

    private static string Mutate(string source, Random random)
    {
        var text = source;
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(text.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    text = text.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 1:
                    text = text.Remove(Math.Min(at, text.Length - 1), Math.Min(random.Next(1, 20), text.Length - Math.Min(at, text.Length - 1)));
                    break;
                case 2:
                    text = text[..at];
                    break;
                case 3:
                    var lines = text.Split('\n');
                    var a = random.Next(lines.Length);
                    var b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    var all = text.Split('\n').ToList();
                    var line = random.Next(all.Count);
                    all.Insert(line, all[random.Next(all.Count)]);
                    text = string.Join('\n', all);
                    break;
                default:
                    var chars = text.ToCharArray();
                    if (chars.Length > 0)
                    {
                        chars[Math.Min(at, chars.Length - 1)] = (char)random.Next(32, 127);
                    }

                    text = new string(chars);
                    break;
            }

            if (text.Length == 0)
            {
                text = Fragments[random.Next(Fragments.Length)];
            }
        }

        return text;
    }
}
