using System.Text;

namespace RunbookRunner.Core.Validation;

/// <summary>The naming rules of the language: slugs for ids and names, identifiers for variables and secrets.</summary>
public static class Names
{
    public const int MaxLength = 64;

    /// <summary>Lowercase letters, digits, '-' and '_', starting with a letter or digit (<c>dns-cutover</c>).</summary>
    public static bool IsSlug(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxLength && (char.IsAsciiLetterLower(text[0]) || char.IsAsciiDigit(text[0]))
        && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>Letters, digits, '_' and '-', starting with a letter or '_' (<c>app_url</c>).</summary>
    public static bool IsIdentifier(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= MaxLength && (char.IsAsciiLetter(text[0]) || text[0] == '_')
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>A slug made from arbitrary text, for suggestions (<c>Deploy Now</c> → <c>deploy-now</c>).</summary>
    public static string ToSlug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength] : slug;
    }
}
