using FluentAssertions;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Tests.TestSupport;
using Xunit;

namespace RunbookRunner.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task CreateRunAsync_NewRun_ReadsBackHeaderSnapshotAndFirstEvents()
    {
        var run = TestData.Run(Time) with { IsRehearsal = true, RehearsalOptionsJson = """{"speed":"max"}""" };

        var created = await Storage.Runs.CreateRunAsync(run, TestData.Events(Time, "RunCreated", "RunStarted"));

        created.Should().Be(new CreateRunResult(AppendOutcome.Appended, run.Id, 2));
        var stored = await Storage.Runs.GetRunAsync(run.Id);
        stored.Should().BeEquivalentTo(new
        {
            run.Id,
            run.RunbookName,
            run.Title,
            run.SourcePath,
            run.RunbookYaml,
            run.Environment,
            run.T0,
            IsRehearsal = true,
            run.RehearsalOptionsJson,
            run.StartedBy,
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
            State = "running",
            IsFinished = false,
            Lateness = TimeSpan.Zero,
            LastSequence = 2L,
            run.SummaryJson,
        });
        var journal = await Storage.Runs.ReadJournalAsync(run.Id);
        journal.Select(e => (e.Sequence, e.Type)).Should().Equal((1L, "RunCreated"), (2L, "RunStarted"));
        journal[0].DataJson.Should().Be("""{"type":"RunCreated"}""");
        journal[0].At.Should().Be(Time.GetUtcNow());
    }

    [Fact]
    public async Task AppendAsync_ExpectedSequence_AppendsEventsAndUpdatesReadModel()
    {
        var created = await CreateRunAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        var batch = TestData.Events(Time, "StepStarted", "StepSucceeded") with
        {
            Run = new RunSummaryUpdate("paused", false, TimeSpan.FromSeconds(90), """{"steps":[{"id":"backup","state":"succeeded"}]}"""),
        };

        var result = await Storage.Runs.AppendAsync(created.RunId, 1, batch);

        result.Should().Be(new AppendResult(AppendOutcome.Appended, 3));
        var run = await Storage.Runs.GetRunAsync(created.RunId);
        run!.State.Should().Be("paused");
        run.Lateness.Should().Be(TimeSpan.FromSeconds(90));
        run.SummaryJson.Should().Be("""{"steps":[{"id":"backup","state":"succeeded"}]}""");
        run.LastSequence.Should().Be(3);
        run.UpdatedAt.Should().Be(Time.GetUtcNow());
        run.CreatedAt.Should().Be(Time.GetUtcNow() - TimeSpan.FromMinutes(5));
        (await Storage.Runs.ReadJournalAsync(created.RunId)).Select(e => e.Sequence).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task AppendAsync_StaleSequence_ThrowsConflictAndWritesNothing()
    {
        var created = await CreateRunAsync();
        await Storage.Runs.AppendAsync(created.RunId, 1, TestData.Events(Time, "StepStarted"));
        var stale = TestData.Events(Time, "StepFailed") with
        {
            Outbox = [new NewOutboxMessage("slack", "thread", "{}")],
            Audit = [TestData.Audit("retry")],
            CommandKey = "slack:click-1",
        };

        var append = () => Storage.Runs.AppendAsync(created.RunId, 1, stale);

        var conflict = (await append.Should().ThrowAsync<ConcurrencyConflictException>()).Which;
        conflict.ExpectedSequence.Should().Be(1);
        conflict.ActualSequence.Should().Be(2);
        conflict.IsTransient.Should().BeTrue();
        (await Storage.Runs.ReadJournalAsync(created.RunId)).Select(e => e.Type).Should().Equal("RunCreated", "StepStarted");
        (await Storage.Outbox.GetBacklogAsync()).Pending.Should().Be(0);
        (await Storage.Audit.ListAsync(new AuditQuery())).Should().BeEmpty();
        (await Storage.Runs.CommandExistsAsync("slack:click-1")).Should().BeFalse();
    }

    [Fact]
    public async Task AppendAsync_ConcurrentAppendersOnSameSequence_ExactlyOneWins()
    {
        var created = await CreateRunAsync();
        var nodes = Enumerable.Range(0, 6).Select(_ => Open()).ToList();

        var attempts = nodes.Select((node, i) => Task.Run(async () =>
        {
            try
            {
                await node.Runs.AppendAsync(created.RunId, 1, TestData.Events(Time, $"Decision{i}", $"Followup{i}"));
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts).WaitAsync(Bound);

        outcomes.Count(won => won).Should().Be(1);
        var journal = await Storage.Runs.ReadJournalAsync(created.RunId);
        journal.Select(e => e.Sequence).Should().Equal(1, 2, 3);
        var winner = Array.IndexOf(outcomes, true);
        journal.Skip(1).Select(e => e.Type).Should().Equal($"Decision{winner}", $"Followup{winner}");
    }

    [Fact]
    public async Task AppendAsync_DuplicateCommandKey_ReportsDuplicateAndWritesNothing()
    {
        var created = await CreateRunAsync();
        var click = TestData.Events(Time, "ApprovalGranted") with
        {
            CommandKey = "slack:action:123",
            Outbox = [new NewOutboxMessage("slack", "thread", """{"text":"approved"}""")],
            Audit = [TestData.Audit("approve", runId: null)],
        };
        var first = await Storage.Runs.AppendAsync(created.RunId, 1, click);

        var replay = await Storage.Runs.AppendAsync(created.RunId, 2, click);

        first.Should().Be(new AppendResult(AppendOutcome.Appended, 2));
        replay.Should().Be(new AppendResult(AppendOutcome.DuplicateCommand, 2));
        (await Storage.Runs.ReadJournalAsync(created.RunId)).Should().HaveCount(2);
        (await Storage.Outbox.GetBacklogAsync()).Pending.Should().Be(1);
        (await Storage.Audit.ListAsync(new AuditQuery())).Should().ContainSingle().Which.RunId.Should().Be(created.RunId);
        (await Storage.Runs.CommandExistsAsync("slack:action:123")).Should().BeTrue();
    }

    [Fact]
    public async Task AppendAsync_DuplicateCommandKeyWithStaleSequence_ReportsDuplicateNotConflict()
    {
        var created = await CreateRunAsync();
        var click = TestData.Events(Time, "ApprovalGranted") with { CommandKey = "api:req-7" };
        await Storage.Runs.AppendAsync(created.RunId, 1, click);
        await Storage.Runs.AppendAsync(created.RunId, 2, TestData.Events(Time, "StepStarted"));

        var replay = await Storage.Runs.AppendAsync(created.RunId, 1, click);

        replay.Should().Be(new AppendResult(AppendOutcome.DuplicateCommand, 3));
    }

    [Fact]
    public async Task AppendAsync_SameCommandKeyConcurrently_CountsOnce()
    {
        var created = await CreateRunAsync();
        var nodes = Enumerable.Range(0, 4).Select(_ => Open()).ToList();

        var results = await Task.WhenAll(nodes.Select(node => Task.Run(() =>
            node.Runs.AppendAsync(created.RunId, 1, TestData.Events(Time, "ApprovalGranted") with { CommandKey = "slack:replayed" })))).WaitAsync(Bound);

        results.Count(r => r.Outcome == AppendOutcome.Appended).Should().Be(1);
        results.Count(r => r.Outcome == AppendOutcome.DuplicateCommand).Should().Be(3);
        (await Storage.Runs.ReadJournalAsync(created.RunId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task AppendAsync_UnknownRun_ThrowsRunNotFound()
    {
        var append = () => Storage.Runs.AppendAsync("no-such-run", 0, TestData.Events(Time, "StepStarted"));

        (await append.Should().ThrowAsync<RunNotFoundException>()).Which.RunId.Should().Be("no-such-run");
    }

    [Fact]
    public async Task CreateRunAsync_ExistingId_ThrowsRunAlreadyExists()
    {
        var run = TestData.Run(Time);
        await Storage.Runs.CreateRunAsync(run, TestData.Events(Time, "RunCreated"));

        var again = () => Storage.Runs.CreateRunAsync(run with { Title = "other" }, TestData.Events(Time, "RunCreated"));

        await again.Should().ThrowAsync<RunAlreadyExistsException>();
        (await Storage.Runs.GetRunAsync(run.Id))!.Title.Should().Be(run.Title);
    }

    [Fact]
    public async Task CreateRunAsync_DuplicateCommandKey_ReturnsTheEarlierRun()
    {
        var first = await Storage.Runs.CreateRunAsync(TestData.Run(Time), TestData.Events(Time, "RunCreated") with { CommandKey = "api:start-1" });

        var second = await Storage.Runs.CreateRunAsync(TestData.Run(Time), TestData.Events(Time, "RunCreated") with { CommandKey = "api:start-1" });

        second.Should().Be(new CreateRunResult(AppendOutcome.DuplicateCommand, first.RunId, 1));
        (await Storage.Runs.ListRunsAsync(new RunQuery())).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task ReadJournalAsync_AfterSequenceAndLimit_ReturnsThatWindow()
    {
        var created = await CreateRunAsync(events: ["E1", "E2", "E3", "E4", "E5"]);

        var window = await Storage.Runs.ReadJournalAsync(created.RunId, afterSequence: 2, limit: 2);

        window.Select(e => (e.Sequence, e.Type)).Should().Equal((3L, "E3"), (4L, "E4"));
        (await Storage.Runs.ReadJournalAsync(created.RunId, afterSequence: 5)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetRunAsync_UnknownId_ReturnsNull() =>
        (await Storage.Runs.GetRunAsync("missing")).Should().BeNull();

    [Fact]
    public async Task ListRunsAsync_KeysetPages_CoverEveryRunOnceNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            // Several runs share a creation instant, so the id must break ties in the keyset.
            if (i % 3 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            ids.Add((await CreateRunAsync()).RunId);
        }

        var seen = new List<RunListItem>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10, Cursor = cursor });
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.Should().Be(3);
        seen.Select(r => r.Id).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids);
        seen.Should().BeInDescendingOrder(r => r.CreatedAt);
        seen.Select(r => (r.CreatedAt, r.Id)).Should().Equal(
            seen.Select(r => (r.CreatedAt, r.Id)).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListRunsAsync_NewerThanPreviousCursor_PagesBackToTheSamePagesNewestFirst()
    {
        for (var i = 0; i < 23; i++)
        {
            // Shared creation instants make the id break ties in both directions.
            if (i % 3 == 0)
            {
                Time.Advance(TimeSpan.FromSeconds(1));
            }

            await CreateRunAsync();
        }

        var first = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10 });
        var second = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10, Cursor = first.NextCursor });
        var third = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10, Cursor = second.NextCursor });
        var backToSecond = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10, NewerThan = third.PreviousCursor });
        var backToFirst = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 10, NewerThan = backToSecond.PreviousCursor });

        first.PreviousCursor.Should().BeNull("the first page has nothing newer");
        third.Items.Should().HaveCount(3);
        third.NextCursor.Should().BeNull();
        backToSecond.Items.Select(r => r.Id).Should().Equal(second.Items.Select(r => r.Id));
        backToSecond.NextCursor.Should().Be(second.NextCursor);
        backToFirst.Items.Select(r => r.Id).Should().Equal(first.Items.Select(r => r.Id));
        backToFirst.PreviousCursor.Should().BeNull("paging back reached the newest run");
        backToFirst.NextCursor.Should().Be(first.NextCursor);
    }

    [Fact]
    public async Task ListRunsAsync_NewerThanWithFilter_CountsOnlyMatchingRuns()
    {
        var launches = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            launches.Add((await CreateRunAsync("launch-day", "running")).RunId);
            await CreateRunAsync("deploy", "running");
        }

        var newest = await Storage.Runs.ListRunsAsync(new RunQuery { RunbookName = "launch-day", PageSize = 2 });
        var older = await Storage.Runs.ListRunsAsync(new RunQuery { RunbookName = "launch-day", PageSize = 2, Cursor = newest.NextCursor });
        var back = await Storage.Runs.ListRunsAsync(new RunQuery { RunbookName = "launch-day", PageSize = 2, NewerThan = older.PreviousCursor });

        older.Items.Select(r => r.Id).Should().Equal(launches[2], launches[1]);
        back.Items.Select(r => r.Id).Should().Equal(launches[4], launches[3]);
        back.PreviousCursor.Should().BeNull();
    }

    [Fact]
    public async Task ListRunsAsync_CursorAndNewerThanTogether_ThrowsArgumentException()
    {
        await CreateRunAsync();
        var page = await Storage.Runs.ListRunsAsync(new RunQuery { PageSize = 1 });
        var list = () => Storage.Runs.ListRunsAsync(new RunQuery { Cursor = page.Items[0].Id, NewerThan = page.Items[0].Id });

        await list.Should().ThrowAsync<ArgumentException>().WithMessage("*not both*");
    }

    [Fact]
    public async Task ListRunsAsync_StateRunbookAndFinishedFilters_ReturnOnlyMatches()
    {
        var deploy = await CreateRunAsync("deploy", "running");
        var launchPaused = await CreateRunAsync("launch-day", "paused");
        var launchDone = await CreateRunAsync("launch-day", "running");
        await Storage.Runs.AppendAsync(launchDone.RunId, 1, TestData.Events(Time, "RunSucceeded") with
        {
            Run = new RunSummaryUpdate("succeeded", true, TimeSpan.Zero, "{}"),
        });

        var byState = await Storage.Runs.ListRunsAsync(new RunQuery { States = ["paused", "succeeded"] });
        var byRunbook = await Storage.Runs.ListRunsAsync(new RunQuery { RunbookName = "launch-day" });
        var unfinishedLaunch = await Storage.Runs.ListRunsAsync(new RunQuery { RunbookName = "launch-day", Unfinished = true });

        byState.Items.Select(r => r.Id).Should().BeEquivalentTo([launchPaused.RunId, launchDone.RunId]);
        byRunbook.Items.Select(r => r.Id).Should().BeEquivalentTo([launchPaused.RunId, launchDone.RunId]);
        unfinishedLaunch.Items.Should().ContainSingle().Which.Id.Should().Be(launchPaused.RunId);
        byState.NextCursor.Should().BeNull();
        deploy.RunId.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task ListRunsAsync_ForeignCursor_ThrowsArgumentException()
    {
        var list = () => Storage.Runs.ListRunsAsync(new RunQuery { Cursor = "not-a-cursor" });

        await list.Should().ThrowAsync<ArgumentException>().WithMessage("*nextCursor*");
    }

    [Fact]
    public async Task ListUnfinishedRunIdsAsync_MixedRuns_ReturnsOnlyUnfinishedOldestFirst()
    {
        var first = await CreateRunAsync();
        Time.Advance(TimeSpan.FromSeconds(1));
        var finished = await CreateRunAsync();
        Time.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateRunAsync(state: "scheduled");
        await Storage.Runs.AppendAsync(finished.RunId, 1, TestData.Events(Time, "RunAborted") with
        {
            Run = new RunSummaryUpdate("aborted", true, TimeSpan.Zero, "{}"),
        });

        var unfinished = await Storage.Runs.ListUnfinishedRunIdsAsync();

        unfinished.Should().Equal(first.RunId, third.RunId);
    }

    [Fact]
    public async Task ListUnfinishedRunsAsync_MixedRuns_ReturnsUnfinishedWithStateAndSummaryOldestFirst()
    {
        var first = await CreateRunAsync();
        Time.Advance(TimeSpan.FromSeconds(1));
        var finished = await CreateRunAsync();
        Time.Advance(TimeSpan.FromSeconds(1));
        var third = await CreateRunAsync(state: "scheduled");
        await Storage.Runs.AppendAsync(finished.RunId, 1, TestData.Events(Time, "RunAborted") with
        {
            Run = new RunSummaryUpdate("aborted", true, TimeSpan.Zero, "{}"),
        });
        await Storage.Runs.AppendAsync(first.RunId, 1, TestData.Events(Time, "StepStarted") with
        {
            Run = new RunSummaryUpdate("running", false, TimeSpan.Zero, """{"steps":[{"id":"a","state":"running"}]}"""),
        });

        var unfinished = await Storage.Runs.ListUnfinishedRunsAsync();

        unfinished.Select(r => r.Id).Should().Equal(first.RunId, third.RunId);
        unfinished[0].State.Should().Be("running");
        unfinished[0].SummaryJson.Should().Contain("\"state\":\"running\"");
        unfinished[1].State.Should().Be("scheduled");
    }
}
