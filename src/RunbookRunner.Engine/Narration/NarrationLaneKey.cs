namespace RunbookRunner.Engine.Narration;

/// <summary>
/// Where narration queues up: one target's deliveries to one channel (empty: the sink's default). A run narrates to one
/// channel, so a lane holds every message of its runs for that target and delivering a lane in order keeps each run in order.
/// </summary>
internal readonly record struct NarrationLaneKey(string Target, string Channel);
