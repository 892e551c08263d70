using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace RunbookRunner.GitHub;

/// <summary>A GitHub repository named <c>owner/name</c>.</summary>
public sealed partial record GitHubRepository
{
    public GitHubRepository(string owner, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!IsValidPart(owner) || !IsValidPart(name))
        {
            throw new ArgumentException(
                $"'{owner}/{name}' is not a valid GitHub repository: owner and name may contain letters, digits, '-', '_' and '.' only.",
                nameof(name));
        }

        Owner = owner;
        Name = name;
    }

    public string Owner { get; }

    public string Name { get; }

    /// <summary>The API path of the repository, relative to the API base URL (no leading slash).</summary>
    internal string ApiPath => $"repos/{Uri.EscapeDataString(Owner)}/{Uri.EscapeDataString(Name)}";

    /// <summary>Parses <c>owner/name</c>.</summary>
    /// <exception cref="FormatException">The value is not of the form <c>owner/name</c>.</exception>
    public static GitHubRepository Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var repository)
            ? repository
            : throw new FormatException($"'{value}' is not a GitHub repository: expected 'owner/name', for example 'acme/platform'.");
    }

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out GitHubRepository? repository)
    {
        repository = null;
        if (value is null)
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash != value.LastIndexOf('/') || slash == value.Length - 1)
        {
            return false;
        }

        var owner = value[..slash];
        var name = value[(slash + 1)..];
        if (!IsValidPart(owner) || !IsValidPart(name))
        {
            return false;
        }

        repository = new GitHubRepository(owner, name);
        return true;
    }

    public override string ToString() => $"{Owner}/{Name}";

    private static bool IsValidPart(string part) => part is not "." and not ".." && PartPattern().IsMatch(part);

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
