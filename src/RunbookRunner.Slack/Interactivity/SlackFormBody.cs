using System.Text;

namespace RunbookRunner.Slack.Interactivity;

/// <summary>
/// Parses an <c>application/x-www-form-urlencoded</c> body from its raw bytes (the same bytes the
/// signature was checked over). Strict: bad percent-encoding, invalid UTF-8 and repeated keys are refused.
/// </summary>
public static class SlackFormBody
{
    /// <summary>More fields than any Slack request has; refusing beyond it bounds the work a hostile body causes.</summary>
    public const int MaxFields = 256;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses the body into its fields; throws only <see cref="SlackPayloadException"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var offset = 0;
        while (offset <= body.Length)
        {
            var rest = body[offset..];
            var end = rest.IndexOf((byte)'&');
            var pair = end < 0 ? rest : rest[..end];
            if (!pair.IsEmpty)
            {
                var equals = pair.IndexOf((byte)'=');
                var key = Decode(equals < 0 ? pair : pair[..equals], offset);
                var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], offset + equals + 1);
                if (key.Length == 0)
                {
                    throw new SlackPayloadException($"Form body has a field without a name at byte {offset}.");
                }

                if (!fields.TryAdd(key, value))
                {
                    throw new SlackPayloadException($"Form body repeats the field '{Shorten(key)}'.");
                }

                if (fields.Count > MaxFields)
                {
                    throw new SlackPayloadException($"Form body has more than {MaxFields} fields.");
                }
            }

            if (end < 0)
            {
                break;
            }

            offset += end + 1;
        }

        return fields;
    }

    /// <summary>Parses a body given as text (tests, already-decoded input).</summary>
    public static IReadOnlyDictionary<string, string> Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Parse(Encoding.UTF8.GetBytes(body));
    }

    internal static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static string Decode(ReadOnlySpan<byte> encoded, int position)
    {
        var buffer = encoded.Length <= 512 ? stackalloc byte[encoded.Length] : new byte[encoded.Length];
        var length = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                buffer[length++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !TryHex(encoded[i + 1], out var high) || !TryHex(encoded[i + 2], out var low))
                {
                    throw new SlackPayloadException($"Form body has a malformed percent-escape at byte {position + i}.");
                }

                buffer[length++] = (byte)((high << 4) | low);
                i += 2;
            }
            else
            {
                buffer[length++] = b;
            }
        }

        try
        {
            return StrictUtf8.GetString(buffer[..length]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new SlackPayloadException($"Form body has invalid UTF-8 in the field starting at byte {position}.", ex);
        }
    }

    private static bool TryHex(byte b, out int value)
    {
        value = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
