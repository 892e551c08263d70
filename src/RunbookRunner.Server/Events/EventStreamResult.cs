using RunbookRunner.Core.Persistence;

namespace RunbookRunner.Server.Events;

/// <summary>The typed result of a live event stream (<c>Accept: text/event-stream</c>).</summary>
public sealed class EventStreamResult(RunRecord record, long after) : IResult
{
    public RunRecord Record { get; } = record;

    public long After { get; } = after;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var stream = httpContext.RequestServices.GetRequiredService<EventStreamWriter>();
        return stream.WriteAsync(httpContext, Record, After, httpContext.RequestAborted);
    }
}
