namespace RunbookRunner.Server.Dashboard;

/// <summary>The sign-in form.</summary>
public sealed record SignInPageModel(PageFrame Frame, string ReturnUrl);
