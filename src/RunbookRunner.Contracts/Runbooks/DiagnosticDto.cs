namespace RunbookRunner.Contracts.Runbooks;

/// <summary>A validation problem at <c>file:line:col</c>; <see cref="Text"/> is the compiler-style line.</summary>
public sealed record DiagnosticDto(string Severity, string Code, string Message, string File, int Line, int Column, string Text);
