namespace RunbookRunner.Core.Validation;

/// <summary>
/// The stable diagnostic codes of the runbook language: <c>RBnnn</c> errors and <c>RBWnnn</c> warnings.
/// Each is documented in <c>docs/runbook-language.md</c>; codes are never reused for another meaning.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileUnreadable = "RB000";
    public const string YamlSyntax = "RB001";
    public const string TooLarge = "RB002";
    public const string BadDocument = "RB003";
    public const string DuplicateKey = "RB004";
    public const string UnknownKey = "RB010";
    public const string MissingKey = "RB011";
    public const string WrongType = "RB012";
    public const string InvalidValue = "RB013";
    public const string InvalidName = "RB014";
    public const string KeyNotAllowedHere = "RB015";
    public const string RollbackStepNotAction = "RB016";
    public const string BadDuration = "RB020";
    public const string BadAnchor = "RB021";
    public const string UnknownTimeZone = "RB022";
    public const string DuplicateId = "RB030";
    public const string UnknownDependency = "RB031";
    public const string DependencyCycle = "RB032";
    public const string AnchorBeforeDependency = "RB033";
    public const string StepKind = "RB034";
    public const string EveryWithoutUntil = "RB035";
    public const string UnknownEnvironment = "RB036";
    public const string UnknownRole = "RB040";
    public const string NotEnoughApprovers = "RB041";
    public const string QuotaRoleMismatch = "RB042";
    public const string UndefinedVariable = "RB050";
    public const string UndefinedSecret = "RB051";
    public const string UndefinedEnvironmentVariable = "RB052";
    public const string UndefinedStepOutput = "RB053";
    public const string MalformedReference = "RB054";
    public const string VariableCycle = "RB055";
    public const string UnknownAction = "RB060";
    public const string UnknownParameter = "RB061";
    public const string MissingParameter = "RB062";
    public const string WrongParameterType = "RB063";
    public const string ParameterGroup = "RB064";
    public const string NotAGate = "RB065";
    public const string BadSecretSource = "RB070";
    public const string UnknownGuardStep = "RB080";
    public const string GuardWithoutCondition = "RB081";
    public const string UnknownRunEnvironment = "RB900";
    public const string RunEnvironmentMissing = "RB901";
    public const string BadRunSettings = "RB902";
    public const string NoSecretSourceForEnvironment = "RB903";
    public const string InternalError = "RB999";

    public const string NotIdempotentWithoutUndo = "RBW001";
    public const string ApprovalWithoutTimeout = "RBW002";
    public const string NoTimeout = "RBW003";
    public const string RollbackStepWithoutTimeout = "RBW004";
    public const string OutputMayNotExist = "RBW005";
    public const string LiteralSecret = "RBW006";

    /// <summary>Every code with a one-line title, in code order.</summary>
    public static IReadOnlyDictionary<string, string> Titles { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [FileUnreadable] = "The file cannot be read",
        [YamlSyntax] = "YAML syntax error",
        [TooLarge] = "The document exceeds a size, nesting or alias-expansion limit",
        [BadDocument] = "The document is empty, has several documents, or is not a map",
        [DuplicateKey] = "A key appears twice in the same map",
        [UnknownKey] = "Unknown key",
        [MissingKey] = "A required key is missing",
        [WrongType] = "A value has the wrong type",
        [InvalidValue] = "A value is out of range or not one of the allowed values",
        [InvalidName] = "An id or name is not a valid slug or identifier",
        [KeyNotAllowedHere] = "A key is not allowed in this context",
        [RollbackStepNotAction] = "A rollback step is not a plain action (manual, wait or approval)",
        [BadDuration] = "A duration cannot be parsed",
        [BadAnchor] = "A time anchor (T±duration) cannot be parsed",
        [UnknownTimeZone] = "The time zone is not a known IANA zone",
        [DuplicateId] = "An id is used twice (steps, rollback and guards share one namespace)",
        [UnknownDependency] = "'after' names a step that does not exist",
        [DependencyCycle] = "Steps depend on each other in a cycle",
        [AnchorBeforeDependency] = "A step is anchored earlier than a step it depends on",
        [StepKind] = "A step is none, or more than one, of action / approval / manual / wait",
        [EveryWithoutUntil] = "'every' without 'until' (or 'until' without 'every')",
        [UnknownEnvironment] = "'only', or a secret's per-environment source, names an environment that does not exist",
        [UnknownRole] = "A role is not declared under 'roles'",
        [NotEnoughApprovers] = "An approval requires more approvers than its roles have people",
        [QuotaRoleMismatch] = "A per-role count in 'required' names a role not in the approval's 'roles', or a listed role has no count",
        [UndefinedVariable] = "${vars.NAME} names an undefined variable",
        [UndefinedSecret] = "${secrets.NAME} names an undeclared secret",
        [UndefinedEnvironmentVariable] = "${NAME} is missing from an environment (and from vars)",
        [UndefinedStepOutput] = "${steps.ID.outputs.NAME} names an unknown step or an output its action does not declare",
        [MalformedReference] = "A ${...} reference is malformed",
        [VariableCycle] = "Variables refer to each other in a cycle",
        [UnknownAction] = "Unknown action type",
        [UnknownParameter] = "Unknown action parameter",
        [MissingParameter] = "A required action parameter is missing",
        [WrongParameterType] = "An action parameter has the wrong shape or value",
        [ParameterGroup] = "Parameters that exclude each other, or of which one is needed",
        [NotAGate] = "The action cannot be used as an approval gate",
        [BadSecretSource] = "A secret source is not env:NAME or file:PATH",
        [UnknownGuardStep] = "A guard's 'from' names a step that does not exist",
        [GuardWithoutCondition] = "A guard check has none of above, below, expect_status",
        [UnknownRunEnvironment] = "A run is started with an environment the runbook does not declare",
        [RunEnvironmentMissing] = "A run of a runbook with environments is started without choosing one",
        [BadRunSettings] = "A run's --var / --secret settings name undeclared variables or secrets, or a bad source",
        [NoSecretSourceForEnvironment] = "A run is started in an environment for which a per-environment secret has no source",
        [InternalError] = "Internal error in the loader (a bug; please report it)",
        [NotIdempotentWithoutUndo] = "A non-idempotent action step has no 'undo'",
        [ApprovalWithoutTimeout] = "An approval has no timeout",
        [NoTimeout] = "An action step has no timeout and there is no default timeout",
        [RollbackStepWithoutTimeout] = "A rollback step has no timeout and there is no default timeout",
        [OutputMayNotExist] = "A step uses an output of a step it does not depend on",
        [LiteralSecret] = "A secret parameter is written literally instead of ${secrets.NAME}",
    };
}
