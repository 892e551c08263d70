namespace RunbookRunner.Core.Persistence;

/// <summary>A message to deliver after the transaction that produced it commits.</summary>
/// <param name="Target">Who delivers it: <c>slack</c>, <c>console</c>.</param>
/// <param name="Kind">What it is to the deliverer (<c>status</c>, <c>thread</c>, <c>report</c>).</param>
/// <param name="PayloadJson">The deliverer's payload as JSON.</param>
public sealed record NewOutboxMessage(string Target, string Kind, string PayloadJson);
