using System.Text;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// Splits a PostgreSQL script into statements at top-level semicolons, skipping those inside quotes
/// ('..', E'..', "..", $tag$..$tag$) and comments (--, nested /* */), so each statement can be run, logged
/// and reported on its own inside one batch.
/// </summary>
public static class SqlScript
{
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            var next = i + 1 < script.Length ? script[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                var end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end + 1;
                current.Append('\n');
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(script, i);
                current.Append(' ');
            }
            else if (c == '\'')
            {
                var escapes = i > 0 && (script[i - 1] is 'E' or 'e') && (i < 2 || !IsIdentifierChar(script[i - 2]));
                i = CopyQuoted(script, i, '\'', escapes, current);
            }
            else if (c == '"')
            {
                i = CopyQuoted(script, i, '"', false, current);
            }
            else if (c == '$' && DollarTag(script, i) is { } tag)
            {
                var close = script.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                var end = close < 0 ? script.Length : close + tag.Length;
                current.Append(script, i, end - i);
                i = end;
            }
            else if (c == ';')
            {
                Flush(current, statements);
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        Flush(current, statements);
        return statements;
    }

    private static void Flush(StringBuilder current, List<string> statements)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            statements.Add(text);
        }

        current.Clear();
    }

    private static int SkipBlockComment(string s, int i)
    {
        var depth = 0;
        while (i < s.Length)
        {
            if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (s[i] == '*' && i + 1 < s.Length && s[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static int CopyQuoted(string s, int i, char quote, bool backslashEscapes, StringBuilder into)
    {
        into.Append(s[i++]);
        while (i < s.Length)
        {
            var c = s[i];
            into.Append(c);
            i++;
            if (backslashEscapes && c == '\\' && i < s.Length)
            {
                into.Append(s[i++]);
            }
            else if (c == quote)
            {
                // A doubled quote is an escaped quote, not the end.
                if (i < s.Length && s[i] == quote)
                {
                    into.Append(s[i++]);
                }
                else
                {
                    return i;
                }
            }
        }

        return i;
    }

    /// <summary>The <c>$tag$</c> opening at <paramref name="i"/>, or null when the <c>$</c> is a parameter like <c>$1</c>.</summary>
    private static string? DollarTag(string s, int i)
    {
        if (i > 0 && IsIdentifierChar(s[i - 1]))
        {
            return null;
        }

        var j = i + 1;
        while (j < s.Length && (char.IsLetter(s[j]) || s[j] == '_' || (j > i + 1 && char.IsAsciiDigit(s[j]))))
        {
            j++;
        }

        return j < s.Length && s[j] == '$' ? s[i..(j + 1)] : null;
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
