using System.Net;
using RunbookRunner.Contracts.Problems;

namespace RunbookRunner.Cli.Api;

/// <summary>The server answered with an error; carries its problem details.</summary>
public sealed class ApiProblemException(HttpStatusCode status, ProblemDto problem)
    : Exception($"{(int)status} {problem?.Title}: {problem?.Detail}")
{
    public HttpStatusCode Status { get; } = status;

    public ProblemDto Problem { get; } = problem ?? new ProblemDto();
}
