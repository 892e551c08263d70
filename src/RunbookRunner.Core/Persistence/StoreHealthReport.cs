namespace RunbookRunner.Core.Persistence;

/// <summary>Whether the store answers and accepts writes.</summary>
/// <param name="IsHealthy">True when a round trip succeeded and the store is writable.</param>
/// <param name="Provider"><c>sqlite</c> or <c>postgres</c>.</param>
/// <param name="Description">What was checked, or why it failed.</param>
/// <param name="Latency">Time of the check's round trip.</param>
public sealed record StoreHealthReport(bool IsHealthy, string Provider, string Description, TimeSpan Latency);
