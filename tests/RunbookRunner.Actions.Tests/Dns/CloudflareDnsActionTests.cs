using System.Text.Json.Nodes;
using FluentAssertions;
using RunbookRunner.Actions.Dns;
using RunbookRunner.Actions.Tests.TestSupport;
using RunbookRunner.TestKit.Fakes.Cloudflare;
using RunbookRunner.TestKit.Http;
using Xunit;

namespace RunbookRunner.Actions.Tests.Dns;

public sealed class CloudflareDnsActionTests : IAsyncLifetime
{
    private FakeCloudflare _cf = null!;

    public async Task InitializeAsync() => _cf = await FakeCloudflare.StartAsync();

    public async Task DisposeAsync() => await _cf.DisposeAsync();

    private CloudflareDnsAction Create()
    {
        var options = Contexts.Options(o => o.CloudflareApiBaseUrl = _cf.ApiBaseUrl);
        return new CloudflareDnsAction(new CloudflareApi(new SimpleHttpClientFactory(), options), options);
    }

    private static RunbookRunner.Core.Model.MapValue Params(string content, string token = FakeCloudflare.Token, params (string, object?)[] more) =>
        P.Map([("zone", "example.com"), ("record", "www"), ("type", "A"), ("content", content), ("token", token), .. more]);

    [Fact]
    public async Task ExecuteAsync_RecordExists_PatchesItAndKeepsThePreviousValue()
    {
        var existing = _cf.Add("A", "www.example.com", "198.51.100.7");

        var result = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10")));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["action"].Should().Be("updated");
        result.Outputs["record_id"].Should().Be(existing["id"]!.GetValue<string>());
        result.Outputs["previous_content"].Should().Be("198.51.100.7");
        result.Outputs["previous_ttl"].Should().Be("300");
        result.Outputs["previous_proxied"].Should().Be("false");
        _cf.Records[existing["id"]!.GetValue<string>()]["content"]!.GetValue<string>().Should().Be("203.0.113.10");

        var requests = _cf.Server.Requests.ToList();
        requests.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(
            "GET /client/v4/zones?name=example.com",
            $"GET /client/v4/zones/{FakeCloudflare.ZoneId}/dns_records?type=A&name.exact=www.example.com",
            $"PATCH /client/v4/zones/{FakeCloudflare.ZoneId}/dns_records/{existing["id"]}");
        requests.Should().OnlyContain(r => r.Header("Authorization") == "Bearer " + FakeCloudflare.Token);
        requests[2].Body.Should().Be("""{"content":"203.0.113.10"}""");
        requests[2].Header("Content-Type").Should().Be("application/json; charset=utf-8");
    }

    [Fact]
    public async Task ExecuteAsync_RecordMissing_CreatesIt()
    {
        var result = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10", more: ("ttl", 120))));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["action"].Should().Be("created");
        result.Outputs["previous_content"].Should().BeEmpty();
        var post = _cf.Server.Requests.Last();
        post.Method.Should().Be("POST");
        post.PathAndQuery.Should().Be($"/client/v4/zones/{FakeCloudflare.ZoneId}/dns_records");
        post.Body.Should().Be("""{"type":"A","name":"www.example.com","content":"203.0.113.10","ttl":120,"proxied":false}""");
        _cf.Records.Values.Should().ContainSingle(r => r["content"]!.GetValue<string>() == "203.0.113.10" && r["id"]!.GetValue<string>() == result.Outputs["record_id"]);
    }

    [Fact]
    public async Task ExecuteAsync_AlreadySet_ChangesNothing()
    {
        _cf.Add("A", "www.example.com", "203.0.113.10");

        var result = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10")));

        result.Succeeded.Should().BeTrue(result.Error);
        result.Outputs["action"].Should().Be("unchanged");
        _cf.Server.Requests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task ExecuteAsync_UndoWithPreviousContent_RestoresTheOldRecord()
    {
        var existing = _cf.Add("A", "www.example.com", "198.51.100.7");
        var cutover = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10")));

        var undo = await Create().ExecuteAsync(Contexts.For(Params(cutover.Outputs["previous_content"])));

        undo.Succeeded.Should().BeTrue(undo.Error);
        _cf.Records[existing["id"]!.GetValue<string>()]["content"]!.GetValue<string>().Should().Be("198.51.100.7");
        _cf.Records.Should().HaveCount(1);
    }

    [Fact]
    public async Task ExecuteAsync_ZoneGivenById_LooksUpItsNameForTheRecord()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(
            ("zone", FakeCloudflare.ZoneId), ("record", "@"), ("type", "A"), ("content", "203.0.113.10"), ("token", FakeCloudflare.Token))));

        result.Succeeded.Should().BeTrue(result.Error);
        _cf.Server.Requests.First().PathAndQuery.Should().Be($"/client/v4/zones/{FakeCloudflare.ZoneId}");
        _cf.Records.Values.Single()["name"]!.GetValue<string>().Should().Be("example.com");
    }

    [Fact]
    public async Task ExecuteAsync_BadToken_FailsWithCloudflaresErrorAndNoRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10", token: "wrong")));

        result.Succeeded.Should().BeFalse();
        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("Cloudflare API GET zones failed (403): 10000 Authentication error");
    }

    [Fact]
    public async Task ExecuteAsync_RateLimited_FailsRetryably()
    {
        _cf.RateLimited = true;

        var result = await Create().ExecuteAsync(Contexts.For(Params("203.0.113.10")));

        result.Retryable.Should().BeTrue();
        result.Error.Should().Contain("(429): 971 Please wait");
    }

    [Fact]
    public async Task ExecuteAsync_UnknownZone_FailsWithoutRetry()
    {
        var result = await Create().ExecuteAsync(Contexts.For(P.Map(("zone", "other.org"), ("record", "www"), ("type", "A"), ("content", "203.0.113.10"), ("token", FakeCloudflare.Token))));

        result.Retryable.Should().BeFalse();
        result.Error.Should().Be("zone 'other.org' was not found, or the token cannot see it");
    }

    [Fact]
    public async Task SimulateAsync_MakesNoRequest()
    {
        var result = await Create().SimulateAsync(Contexts.For(Params("203.0.113.10")));

        result.Succeeded.Should().BeTrue();
        _cf.Server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("www", "www.example.com")]
    [InlineData("www.example.com", "www.example.com")]
    [InlineData("www.example.com.", "www.example.com")]
    [InlineData("@", "example.com")]
    public void FullName_RelativeOrQualified_GivesTheQualifiedName(string record, string expected) =>
        CloudflareDnsAction.FullName(record, "example.com").Should().Be(expected);
}
