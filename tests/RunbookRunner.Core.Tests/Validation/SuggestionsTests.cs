using FluentAssertions;
using RunbookRunner.Core.Validation;

namespace RunbookRunner.Core.Tests.Validation;

public class SuggestionsTests
{
    [Theory]
    [InlineData("timeout", "timeout", 0)]
    [InlineData("tiemout", "timeout", 1)]
    [InlineData("timout", "timeout", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_Pairs_CountsEditsAndTranspositions(string a, string b, int expected)
    {
        Suggestions.Distance(a, b).Should().Be(expected);
        Suggestions.Distance(b, a).Should().Be(expected);
    }

    [Theory]
    [InlineData("tiemout", "timeout")]
    [InlineData("Timeout", "timeout")]
    [InlineData("on_falure", "on_failure")]
    [InlineData("xyz", null)]
    [InlineData("timeout", null)]
    public void Closest_Input_SuggestsOnlyLikelyTypos(string input, string? expected)
    {
        Suggestions.Closest(input, ["timeout", "on_failure", "retry"]).Should().Be(expected);
    }
}
