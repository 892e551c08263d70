using System.Globalization;

namespace RunbookRunner.Cli.Init;

/// <summary>The commented runbooks <c>runbook init</c> scaffolds, embedded in the tool.</summary>
internal static class RunbookTemplates
{
    public const string Default = "launch-day";

    public static readonly string[] Names = ["launch-day", "minimal"];

    /// <summary>The template's text with its name, title and file name filled in.</summary>
    public static string Render(string template, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var resource = $"RunbookRunner.Cli.Init.Templates.{template}.yaml";
        using var stream = typeof(RunbookTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"unknown template '{template}'; templates: {string.Join(", ", Names)}", nameof(template));
        using var reader = new StreamReader(stream);
        var name = Names.Contains(Path.GetFileNameWithoutExtension(fileName)) ? "my-" + Path.GetFileNameWithoutExtension(fileName) : SlugOf(fileName);
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' ').Replace('_', ' '));
        return reader.ReadToEnd()
            .Replace("name: NAME", "name: " + name, StringComparison.Ordinal)
            .Replace("title: TITLE", "title: " + title, StringComparison.Ordinal)
            .Replace("NAME.yaml", Path.GetFileName(fileName), StringComparison.Ordinal)
            .ReplaceLineEndings("\n");
    }

    private static string SlugOf(string fileName)
    {
        var slug = RunbookRunner.Core.Validation.Names.ToSlug(Path.GetFileNameWithoutExtension(fileName));
        return slug.Length == 0 ? "my-launch" : slug;
    }
}
