using System.Globalization;
using System.Text;
using Npgsql;
using RunbookRunner.Actions.Parameters;

namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// A PostgreSQL connection given as a <c>postgresql://user:pass@host:port/db?sslmode=require</c> URL or a
/// libpq <c>key=value</c> string, held as libpq keywords. The password is kept apart so it can travel
/// through <c>PGPASSWORD</c> and never appear on a command line or in a log.
/// </summary>
public sealed class PostgresConnectionInfo
{
    // libpq's connection keywords (PostgreSQL 15/16 documentation, "Parameter Key Words").
    private static readonly HashSet<string> KnownKeywords = new(StringComparer.Ordinal)
    {
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "channel_binding", "connect_timeout",
        "client_encoding", "options", "application_name", "fallback_application_name", "keepalives", "keepalives_idle",
        "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode", "sslmode", "requiressl",
        "sslcompression", "sslcert", "sslkey", "sslpassword", "sslcertmode", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "gssdelegation",
        "service", "target_session_attrs", "load_balance_hosts",
    };

    private readonly List<KeyValuePair<string, string>> _keywords;

    private PostgresConnectionInfo(List<KeyValuePair<string, string>> keywords, string? password)
    {
        _keywords = keywords;
        Password = password;
    }

    public string? Password { get; }

    public string? Get(string keyword) => _keywords.LastOrDefault(k => k.Key == keyword).Value;

    public static PostgresConnectionInfo Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var keywords = trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            ? ParseUrl(trimmed)
            : ParseKeyValue(trimmed);
        foreach (var (key, _) in keywords)
        {
            if (!KnownKeywords.Contains(key))
            {
                throw new ActionParameterException(
                    $"connection has an unknown keyword '{key}'; write a postgresql:// URL or libpq key=value pairs " +
                    "such as 'host=db port=5432 dbname=app user=app' (Npgsql-style 'Host=...;' strings are not accepted)");
            }
        }

        var password = keywords.LastOrDefault(k => k.Key == "password").Value;
        keywords.RemoveAll(k => k.Key == "password");
        return new PostgresConnectionInfo(keywords, password);
    }

    /// <summary>libpq conninfo without the password, for <c>--dbname</c>.</summary>
    public string ToConninfo() =>
        string.Join(' ', _keywords.Select(k => $"{k.Key}={QuoteConninfo(k.Value)}"));

    /// <summary>Safe to log: <c>postgresql://user@host:port/db</c>.</summary>
    public string Display()
    {
        var user = Get("user");
        var host = Get("host") ?? "localhost";
        var port = Get("port");
        return $"postgresql://{(user is null ? string.Empty : user + "@")}{host}{(port is null ? string.Empty : ":" + port)}/{Get("dbname") ?? string.Empty}";
    }

    /// <summary>Environment for libpq tools: the password (if any) and no inherited connection defaults that could surprise.</summary>
    public IReadOnlyDictionary<string, string?> ToolEnvironment() => new Dictionary<string, string?>
    {
        ["PGPASSWORD"] = Password,
        ["PGSERVICE"] = null,
        ["PGDATABASE"] = null,
    };

    /// <summary>An Npgsql connection string; libpq keywords Npgsql does not know are refused with a clear error.</summary>
    public string ToNpgsql(string? applicationName = null)
    {
        var builder = new NpgsqlConnectionStringBuilder();
        foreach (var (key, value) in _keywords)
        {
            switch (key)
            {
                case "host" or "hostaddr":
                    builder.Host = value;
                    break;
                case "port":
                    builder.Port = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "user":
                    builder.Username = value;
                    break;
                case "dbname":
                    builder.Database = value;
                    break;
                case "sslmode":
                    builder.SslMode = value switch
                    {
                        "disable" => SslMode.Disable,
                        "allow" => SslMode.Allow,
                        "prefer" => SslMode.Prefer,
                        "require" => SslMode.Require,
                        "verify-ca" => SslMode.VerifyCA,
                        "verify-full" => SslMode.VerifyFull,
                        _ => throw new ActionParameterException($"connection has sslmode '{value}'; use disable, allow, prefer, require, verify-ca or verify-full"),
                    };
                    break;
                case "sslrootcert":
                    builder.RootCertificate = value;
                    break;
                case "sslcert":
                    builder.SslCertificate = value;
                    break;
                case "sslkey":
                    builder.SslKey = value;
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                case "options":
                    builder.Options = value;
                    break;
                case "target_session_attrs":
                    builder.TargetSessionAttributes = value;
                    break;
                default:
                    throw new ActionParameterException($"connection keyword '{key}' is not supported for sql steps; remove it or use a shell step with psql");
            }
        }

        if (Password is not null)
        {
            builder.Password = Password;
        }

        if (applicationName is not null && !_keywords.Any(k => k.Key == "application_name"))
        {
            builder.ApplicationName = applicationName.Length <= 63 ? applicationName : applicationName[..63];
        }

        return builder.ConnectionString;
    }

    private static List<KeyValuePair<string, string>> ParseUrl(string url)
    {
        var keywords = new List<KeyValuePair<string, string>>();
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = string.Empty;
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? rest[(slash + 1)..] : string.Empty;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            Add(keywords, "user", Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo));
            if (colon >= 0)
            {
                Add(keywords, "password", Uri.UnescapeDataString(userInfo[(colon + 1)..]));
            }
        }

        if (authority.Length > 0)
        {
            // [v6::addr]:port, host:port, or a comma-separated host list (kept as libpq takes it).
            string host;
            string? port = null;
            if (authority.StartsWith('['))
            {
                var close = authority.IndexOf(']', StringComparison.Ordinal);
                host = authority[1..close];
                if (close + 1 < authority.Length && authority[close + 1] == ':')
                {
                    port = authority[(close + 2)..];
                }
            }
            else if (!authority.Contains(',', StringComparison.Ordinal) && authority.LastIndexOf(':') is var colon and >= 0)
            {
                host = authority[..colon];
                port = authority[(colon + 1)..];
            }
            else
            {
                host = authority;
            }

            Add(keywords, "host", Uri.UnescapeDataString(host));
            if (!string.IsNullOrEmpty(port))
            {
                if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw new ActionParameterException($"connection URL has port '{port}', which is not a number");
                }

                Add(keywords, "port", port);
            }
        }

        Add(keywords, "dbname", Uri.UnescapeDataString(database));
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ActionParameterException($"connection URL has a malformed query part '{pair}'; write key=value");
            }

            Add(keywords, Uri.UnescapeDataString(pair[..eq]), Uri.UnescapeDataString(pair[(eq + 1)..]));
        }

        return keywords;
    }

    private static List<KeyValuePair<string, string>> ParseKeyValue(string text)
    {
        var keywords = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var key = text[keyStart..i];
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '=' || key.Length == 0)
            {
                throw new ActionParameterException(
                    "connection must be a postgresql:// URL or libpq key=value pairs (e.g. 'host=db port=5432 dbname=app user=app'); " +
                    $"could not read a key=value pair at '{Excerpt(text, keyStart)}'");
            }

            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var value = new StringBuilder();
            if (i < text.Length && text[i] == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }

                if (i >= text.Length)
                {
                    throw new ActionParameterException($"connection has an unterminated quoted value for '{key}'");
                }

                i++;
            }
            else
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    value.Append(text[i++]);
                }
            }

            Add(keywords, key, value.ToString());
        }

        if (keywords.Count == 0)
        {
            throw new ActionParameterException("connection is empty; give a postgresql:// URL or libpq key=value pairs");
        }

        return keywords;
    }

    private static void Add(List<KeyValuePair<string, string>> keywords, string key, string value)
    {
        if (value.Length > 0)
        {
            keywords.Add(new KeyValuePair<string, string>(key, value));
        }
    }

    // Keys only: never echo what follows, it may be the password.
    private static string Excerpt(string text, int at)
    {
        var end = at;
        while (end < text.Length && end - at < 20 && text[end] != '=')
        {
            end++;
        }

        return text[at..end];
    }

    private static string QuoteConninfo(string value) =>
        value.Length > 0 && value.All(c => !char.IsWhiteSpace(c) && c != '\'' && c != '\\')
            ? value
            : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Never prints the password.</summary>
    public override string ToString() => Display();
}
