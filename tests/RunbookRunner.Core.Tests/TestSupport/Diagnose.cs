using FluentAssertions;
using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Loading;

namespace RunbookRunner.Core.Tests.TestSupport;

/// <summary>Loads inline YAML and finds the diagnostic a test is about.</summary>
internal static class Diagnose
{
    public const string File = "test.yaml";

    public static LoadResult Load(string yaml) => RunbookLoader.Load(yaml, File);

    /// <summary>The one diagnostic with <paramref name="code"/>; fails listing everything reported otherwise.</summary>
    public static Diagnostic Single(string yaml, string code)
    {
        var result = Load(yaml);
        var all = string.Join("\n", result.Diagnostics);
        result.Diagnostics.Where(d => d.Code == code).Should().ContainSingle($"exactly one {code} is expected; got:\n{all}");
        return result.Diagnostics.Single(d => d.Code == code);
    }

    /// <summary>Asserts one <paramref name="code"/> at <paramref name="line"/>:<paramref name="column"/> and returns it.</summary>
    public static Diagnostic At(string yaml, string code, int line, int column)
    {
        var diagnostic = Single(yaml, code);
        diagnostic.Location.File.Should().Be(File);
        (diagnostic.Location.Line, diagnostic.Location.Column).Should().Be((line, column), diagnostic.ToString());
        diagnostic.ToString().Should().StartWith($"{File}:{line}:{column}: ");
        return diagnostic;
    }

    /// <summary>Asserts the text loads with no diagnostics at all.</summary>
    public static LoadResult Clean(string yaml)
    {
        var result = Load(yaml);
        result.Diagnostics.Should().BeEmpty(string.Join("\n", result.Diagnostics));
        result.Runbook.Should().NotBeNull();
        return result;
    }
}
