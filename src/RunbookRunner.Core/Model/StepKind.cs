namespace RunbookRunner.Core.Model;

/// <summary>What a step does.</summary>
public enum StepKind
{
    Action,
    Approval,
    Manual,
    Wait,
}
