namespace RunbookRunner.Storage.Sql;

/// <summary>What a unit of work inside a transaction decided: its value, and whether to commit.</summary>
internal readonly record struct TxResult<T>(T Value, bool Commit)
{
    public static TxResult<T> Committed(T value) => new(value, true);

    public static TxResult<T> RolledBack(T value) => new(value, false);
}
