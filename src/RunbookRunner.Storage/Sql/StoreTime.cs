using System.Globalization;

namespace RunbookRunner.Storage.Sql;

/// <summary>
/// Times are stored in UTC with microsecond precision (PostgreSQL's), on both providers, so what is written is
/// exactly what is read back (the audit hash depends on it).
/// </summary>
internal static class StoreTime
{
    public const string SqliteFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.UtcTicks;
        return new DateTimeOffset(utc - (utc % 10), TimeSpan.Zero);
    }

    public static string ToSqliteText(DateTimeOffset value) =>
        Normalize(value).ToString(SqliteFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromSqliteText(string text) =>
        DateTimeOffset.ParseExact(text, SqliteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
