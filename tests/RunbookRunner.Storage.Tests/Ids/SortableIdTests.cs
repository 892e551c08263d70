using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.TestKit.Time;
using Xunit;

namespace RunbookRunner.Storage.Tests.Ids;

public sealed class SortableIdTests
{
    [Fact]
    public void New_LaterTimes_SortAfterEarlierOnesAsPlainStrings()
    {
        var time = new ManualTimeProvider();
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(SortableId.New(time));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        ids.Should().BeInAscendingOrder(StringComparer.Ordinal).And.OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => id.Should().MatchRegex("^[0-9a-hjkmnp-tv-z]{26}$"));
    }

    [Fact]
    public void New_SameMillisecond_StillUnique()
    {
        var time = new ManualTimeProvider();

        var ids = Enumerable.Range(0, 1000).Select(_ => SortableId.New(time)).ToList();

        ids.Should().OnlyHaveUniqueItems();
        ids.Select(id => id[..10]).Distinct().Should().ContainSingle("the first 10 characters encode the millisecond");
    }
}
