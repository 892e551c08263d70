namespace RunbookRunner.Core.Model;

/// <summary>
/// What a guard polls: an HTTP endpoint whose status, or a number read with <see cref="JsonPath"/>,
/// is compared with a threshold. A breach must last <see cref="For"/> to trip the guard.
/// </summary>
public sealed record GuardCheck
{
    public required string Url { get; init; }

    public string? JsonPath { get; init; }

    public double? Above { get; init; }

    public double? Below { get; init; }

    /// <summary>Any other status is a breach; null means "2xx".</summary>
    public int? ExpectStatus { get; init; }

    public TimeSpan For { get; init; } = TimeSpan.Zero;

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
