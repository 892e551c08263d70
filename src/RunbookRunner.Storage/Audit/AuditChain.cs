using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;

namespace RunbookRunner.Storage.Audit;

/// <summary>
/// The audit hash chain: hash(n) = SHA-256(hash(n-1) + "\n" + canonical(n)) in lowercase hex, hash(0) = 64 zeros.
/// The canonical form is a JSON array of every stored field, so any edit of any field shows.
/// </summary>
internal static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string Canonical(AuditRow e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(e.Id);
            writer.WriteStringValue(StoreTime.Normalize(e.At).ToString(StoreTime.SqliteFormat, CultureInfo.InvariantCulture));
            writer.WriteStringValue(e.Actor);
            writer.WriteStringValue(e.Source);
            writer.WriteStringValue(e.Action);
            WriteNullable(writer, e.RunId);
            WriteNullable(writer, e.StepId);
            writer.WriteStringValue(e.Outcome);
            WriteNullable(writer, e.Detail);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Hash(string previousHash, AuditRow entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + Canonical(entry))));

    public static string SourceName(AuditSource source) => source.ToString().ToLowerInvariant();

    public static string OutcomeName(AuditOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
