namespace RunbookRunner.Integration.Tests.Security;

/// <summary>What the matrix's requests point at: a live run with an open approval and a runbook in the folder.</summary>
internal sealed record MatrixTarget(string RunId, string StepId, string RunbookName);
