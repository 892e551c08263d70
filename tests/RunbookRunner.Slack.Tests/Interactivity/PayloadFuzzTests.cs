using System.Text;
using FluentAssertions;
using RunbookRunner.Slack.Interactivity;
using Xunit;

namespace RunbookRunner.Slack.Tests.Interactivity;

/// <summary>Mutates valid bodies at random (fixed seeds, so failures reproduce): parsers may only succeed or throw SlackPayloadException.</summary>
public sealed class PayloadFuzzTests
{
    private const int Iterations = 3000;

    [Fact]
    public void InteractionParse_MutatedFormBodies_ThrowOnlyPayloadException()
    {
        var random = new Random(20260101);
        var seeds = new[] { SamplePayloads.FormBody(SamplePayloads.BlockActions), SamplePayloads.FormBody(SamplePayloads.ViewSubmission) };
        var outcomes = Run(random, seeds, body => SlackInteractionPayload.Parse(body));

        outcomes.Rejected.Should().BeGreaterThan(0);
        outcomes.Unexpected.Should().BeEmpty();
    }

    [Fact]
    public void InteractionParseJson_MutatedJson_ThrowsOnlyPayloadException()
    {
        var random = new Random(7);
        var seeds = new[] { Encoding.UTF8.GetBytes(SamplePayloads.BlockActions), Encoding.UTF8.GetBytes(SamplePayloads.ViewSubmission) };

        // Decoding with replacement keeps the input a valid .NET string; the parser sees the mutated JSON text.
        var outcomes = Run(random, seeds, body => SlackInteractionPayload.ParseJson(Encoding.UTF8.GetString(body)));

        outcomes.Accepted.Should().BeGreaterThan(0, "mutations in ignored fields leave a valid payload");
        outcomes.Unexpected.Should().BeEmpty();
    }

    [Fact]
    public void SlashCommandParse_MutatedFormBodies_ThrowOnlyPayloadException()
    {
        var random = new Random(42);
        var seeds = new[] { Encoding.UTF8.GetBytes(SlashCommandTests.SlackExampleBody) };

        var outcomes = Run(random, seeds, body => SlashCommand.Parse(body));

        outcomes.Accepted.Should().BeGreaterThan(0);
        outcomes.Rejected.Should().BeGreaterThan(0);
        outcomes.Unexpected.Should().BeEmpty();
    }

    private static Outcomes Run(Random random, byte[][] seeds, Action<byte[]> parse)
    {
        var outcomes = new Outcomes();
        for (var i = 0; i < Iterations; i++)
        {
            var body = Mutate(random, seeds[i % seeds.Length]);
            try
            {
                parse(body);
                outcomes.Accepted++;
            }
            catch (SlackPayloadException)
            {
                outcomes.Rejected++;
            }
            catch (Exception ex)
            {
                outcomes.Unexpected.Add($"{ex.GetType().Name}: {ex.Message} for body {Convert.ToBase64String(body)}");
            }
        }

        return outcomes;
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        var bytes = new List<byte>(seed);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 20), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, "%"u8.ToArray().Concat(Encoding.ASCII.GetBytes(random.Next(256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))));
                    break;
                default:
                    var token = new[] { "{", "}", "[", "]", "\"", ",", ":", "null", "&", "=", "\\u", "\\ud800" }[random.Next(12)];
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(token));
                    break;
            }
        }

        return [.. bytes];
    }

    private sealed class Outcomes
    {
        public int Accepted { get; set; }

        public int Rejected { get; set; }

        public List<string> Unexpected { get; } = [];
    }
}
