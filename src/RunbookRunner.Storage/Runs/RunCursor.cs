using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace RunbookRunner.Storage.Runs;

/// <summary>Keyset position in the runs list (created time, id), opaque to clients as base64url.</summary>
internal readonly record struct RunCursor(DateTimeOffset CreatedAt, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}|{Id}")));

    public static RunCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf('|', StringComparison.Ordinal);
            if (separator > 0 && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new RunCursor(new DateTimeOffset(ticks, TimeSpan.Zero), text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below, which names the parameter.
        }

        throw new ArgumentException($"Cursor '{cursor}' is not one this server issued; pass the nextCursor of the previous page.", nameof(cursor));
    }
}
