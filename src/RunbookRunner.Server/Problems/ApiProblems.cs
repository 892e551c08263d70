using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RunbookRunner.Contracts.Problems;
using RunbookRunner.Contracts.Runbooks;
using RunbookRunner.Core.Diagnostics;
using RunbookRunner.Core.Runs.Deciding;

namespace RunbookRunner.Server.Problems;

/// <summary>
/// Every error answer of the API is built here: decision errors of the engine, invalid runbooks, missing
/// things, and exceptions (through <see cref="ApiExceptionHandler"/>). Bodies are RFC 9457 problem details
/// with a stable <c>code</c> (see <see cref="ProblemCodes"/>).
/// </summary>
public static class ApiProblems
{
    /// <summary>The HTTP status of an engine decision error.</summary>
    public static int StatusOf(DecisionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            DecisionErrorCodes.NotAllowed or DecisionErrorCodes.SelfApproval => StatusCodes.Status403Forbidden,
            DecisionErrorCodes.UnknownStep => StatusCodes.Status404NotFound,
            DecisionErrorCodes.IllegalState or DecisionErrorCodes.GateFailed or DecisionErrorCodes.GatesPending
                or DecisionErrorCodes.AlreadyDecided or DecisionErrorCodes.RoleQuotaMet => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status409Conflict,
        };
    }

    public static ProblemHttpResult Decision(DecisionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var title = error.Code switch
        {
            DecisionErrorCodes.NotAllowed => "Not allowed",
            DecisionErrorCodes.SelfApproval => "Self-approval is forbidden",
            DecisionErrorCodes.UnknownStep => "No such step",
            DecisionErrorCodes.GateFailed => "A gate is failing",
            DecisionErrorCodes.GatesPending => "Gate evidence is still being collected",
            DecisionErrorCodes.AlreadyDecided => "Already decided",
            DecisionErrorCodes.RoleQuotaMet => "The approver's role already has enough approvals",
            _ => "Not possible in the run's current state",
        };
        return Create(StatusOf(error), error.Code, title, error.Message);
    }

    public static ProblemHttpResult RunNotFound(string runId) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.RunNotFound, "No such run", $"there is no run '{runId}'; list runs with GET /api/runs");

    public static ProblemHttpResult RunbookNotFound(string name, string folder) =>
        Create(StatusCodes.Status404NotFound, ProblemCodes.RunbookNotFound, "No such runbook", $"no runbook '{name}' in {folder}; list them with GET /api/runbooks, or send the YAML inline");

    public static ProblemHttpResult InvalidRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "Invalid request", detail);

    /// <summary>422 with every diagnostic, compiler style (<c>file:line:col: error RBnnn: message</c>).</summary>
    public static ProblemHttpResult InvalidRunbook(IEnumerable<Diagnostic> diagnostics)
    {
        var list = Diagnostics(diagnostics);
        var errors = list.Where(d => d.Severity == "error").ToList();
        var detail = errors.Count == 0
            ? "the runbook has errors"
            : $"the runbook has {errors.Count} error(s):\n" + string.Join('\n', errors.Select(d => d.Text));
        return Create(StatusCodes.Status422UnprocessableEntity, ProblemCodes.InvalidRunbook, "Invalid runbook", detail, list);
    }

    public static IReadOnlyList<DiagnosticDto> Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
        [.. (diagnostics ?? []).Select(d => new DiagnosticDto(
            d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            d.Code,
            d.Message,
            d.Location.File,
            d.Location.Line,
            d.Location.Column,
            d.ToString()))];

    /// <summary>
    /// Gives problems written by the framework (an unknown route, a body over the size limit, a wrong method) a code
    /// from their status, so every error body has one.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = problem.Status switch
            {
                StatusCodes.Status401Unauthorized => ProblemCodes.Unauthenticated,
                StatusCodes.Status403Forbidden => ProblemCodes.Forbidden,
                StatusCodes.Status404NotFound => ProblemCodes.NotFound,
                StatusCodes.Status413PayloadTooLarge => ProblemCodes.BodyTooLarge,
                >= 500 => ProblemCodes.Internal,
                _ => ProblemCodes.InvalidRequest,
            };
        }
    }

    /// <summary>A problem with a stable code (and diagnostics when given).</summary>
    public static ProblemHttpResult Create(int status, string code, string title, string detail, IReadOnlyList<DiagnosticDto>? diagnostics = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (diagnostics is not null)
        {
            problem.Extensions["diagnostics"] = diagnostics;
        }

        return TypedResults.Problem(problem);
    }
}
