namespace RunbookRunner.Slack.Narration;

/// <summary>Keys the Slack narrator keeps per run in the narration state store.</summary>
internal static class NarrationKeys
{
    /// <summary>The last journal sequence fully narrated; deliveries at or below it are repeats.</summary>
    public const string Sequence = "seq";

    /// <summary>The run's status message (<see cref="SlackMessageRef"/>), parent of its thread.</summary>
    public const string Status = "status";

    /// <summary>Prefix of tracked messages (approval, manual task, decision) that are redrawn in place.</summary>
    public const string TrackedPrefix = "msg:";

    /// <summary>A message posted for one event, so a repeated delivery does not post it again.</summary>
    public static string Post(long sequence, string slot) => $"post:{sequence}:{slot}";

    public static string Tracked(TrackedKind kind, string target) => $"{TrackedPrefix}{KindName(kind)}:{target}";

    /// <summary>Hash of the last content sent for a tracked message; an unchanged rendering is not sent again.</summary>
    public static string Hash(TrackedKind kind, string target) => $"hash:{KindName(kind)}:{target}";

    /// <summary>What went wrong, as first narrated, for a decision message.</summary>
    public static string Problem(string stepId) => $"problem:{stepId}";

    /// <summary>What a person decided, for a decision message.</summary>
    public static string Resolution(string stepId) => $"resolution:{stepId}";

    public static bool TryParseTracked(string key, out TrackedKind kind, out string target)
    {
        kind = default;
        target = string.Empty;
        if (!key.StartsWith(TrackedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[TrackedPrefix.Length..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        target = rest[(colon + 1)..];
        switch (rest[..colon])
        {
            case "approval":
                kind = TrackedKind.Approval;
                return true;
            case "manual":
                kind = TrackedKind.ManualTask;
                return true;
            case "decision":
                kind = TrackedKind.Decision;
                return true;
            default:
                return false;
        }
    }

    private static string KindName(TrackedKind kind) => kind switch
    {
        TrackedKind.Approval => "approval",
        TrackedKind.ManualTask => "manual",
        TrackedKind.Decision => "decision",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
