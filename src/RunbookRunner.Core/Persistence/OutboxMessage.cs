namespace RunbookRunner.Core.Persistence;

/// <summary>A claimed outbox message. Ids grow in commit order within a run.</summary>
public sealed record OutboxMessage
{
    public required long Id { get; init; }

    /// <summary>The run it narrates; null for messages not tied to a run.</summary>
    public string? RunId { get; init; }

    public required string Target { get; init; }

    public required string Kind { get; init; }

    public required string PayloadJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Failed delivery attempts so far.</summary>
    public int Attempts { get; init; }

    public string? LastError { get; init; }

    /// <summary>The claim is this node's until then; after that another node may take the message.</summary>
    public required DateTimeOffset ClaimedUntil { get; init; }
}
