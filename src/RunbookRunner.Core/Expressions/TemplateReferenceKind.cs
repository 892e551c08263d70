namespace RunbookRunner.Core.Expressions;

/// <summary>What a <c>${...}</c> reference points at.</summary>
public enum TemplateReferenceKind
{
    /// <summary><c>${vars.NAME}</c>.</summary>
    Variable,

    /// <summary><c>${NAME}</c>: a variable of the chosen environment (falling back to <c>vars</c>).</summary>
    EnvironmentVariable,

    /// <summary><c>${secrets.NAME}</c>.</summary>
    Secret,

    /// <summary><c>${run.id}</c>, <c>${run.t0}</c>, <c>${run.environment}</c>.</summary>
    Run,

    /// <summary><c>${steps.ID.outputs.NAME}</c>.</summary>
    StepOutput,

    /// <summary><c>${roles.NAME}</c>: the role's people as Slack mentions.</summary>
    Role,

    /// <summary>A malformed reference; <see cref="TemplateReference.Error"/> says why.</summary>
    Invalid,
}
