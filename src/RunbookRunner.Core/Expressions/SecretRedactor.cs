using System.Text.Encodings.Web;

namespace RunbookRunner.Core.Expressions;

/// <summary>
/// Replaces every secret value in a text with <c>***</c>. Besides the raw value it also covers the forms a
/// secret takes when it is embedded in JSON or in a URL, since logs and responses often carry those.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    private readonly string[] needles;

    public SecretRedactor(IEnumerable<string> secretValues)
    {
        ArgumentNullException.ThrowIfNull(secretValues);
        var all = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in secretValues)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            all.Add(value);
            all.Add(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(value));
            all.Add(JavaScriptEncoder.Default.Encode(value));
            all.Add(Uri.EscapeDataString(value));
            var trimmed = value.Trim();
            if (trimmed.Length > 0)
            {
                // Secret files usually end with a newline; the value used in a header usually does not.
                all.Add(trimmed);
            }
        }

        // Longest first, so a secret that contains another is masked whole.
        needles = [.. all.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];
    }

    /// <summary>A redactor with no secrets: returns texts unchanged.</summary>
    public static SecretRedactor None { get; } = new([]);

    public bool IsEmpty => needles.Length == 0;

    /// <summary>The text with every occurrence of every secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text) || needles.Length == 0)
        {
            return text;
        }

        var current = text;
        foreach (var needle in needles)
        {
            if (current.Contains(needle, StringComparison.Ordinal))
            {
                current = current.Replace(needle, Mask, StringComparison.Ordinal);
            }
        }

        return current;
    }
}
