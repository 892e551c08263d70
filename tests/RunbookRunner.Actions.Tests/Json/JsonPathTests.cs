using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.Actions.Json;
using Xunit;

namespace RunbookRunner.Actions.Tests.Json;

public sealed class JsonPathTests
{
    private static readonly JsonNode Doc = JsonNode.Parse("""{"a":{"b":[{"c":1},{"c":null}],"x.y":"dotted"},"top":"t"}""")!;

    [Theory]
    [InlineData("$.a.b[0].c", "1")]
    [InlineData("$.a.b[-2].c", "1")]
    [InlineData("$['a']['x.y']", "\"dotted\"")]
    [InlineData("$[\"top\"]", "\"t\"")]
    [InlineData("top", "\"t\"")]
    public void TryEvaluate_SupportedForms_FindTheValue(string path, string expectedJson)
    {
        JsonPath.Parse(path).TryEvaluate(Doc, out var found).Should().BeTrue();
        found!.ToJsonString().Should().Be(expectedJson);
    }

    [Fact]
    public void TryEvaluate_ExplicitNull_IsFoundAsNull()
    {
        JsonPath.Parse("$.a.b[1].c").TryEvaluate(Doc, out var found).Should().BeTrue();
        found.Should().BeNull();
    }

    [Theory]
    [InlineData("$.a.b[2].c")]
    [InlineData("$.a.nope")]
    [InlineData("$.top.deeper")]
    public void TryEvaluate_MissingStep_IsNotFound(string path) =>
        JsonPath.Parse(path).TryEvaluate(Doc, out _).Should().BeFalse();

    [Theory]
    [InlineData("$.a..b", "empty name")]
    [InlineData("$.a[x]", "bad index")]
    [InlineData("$.a['b", "unterminated")]
    public void TryParse_Malformed_ExplainsWhy(string path, string fragment)
    {
        JsonPath.TryParse(path, out _, out var error).Should().BeFalse();
        error.Should().Contain(fragment);
    }
}
