namespace RunbookRunner.Storage.Sql;

/// <summary>
/// One statement of a write plan. A guard must affect at least one row, otherwise the plan stops there and the
/// transaction is rolled back (used for optimistic concurrency and idempotency keys).
/// </summary>
internal sealed record SqlStatement(string Sql, IReadOnlyList<SqlParameterValue> Parameters, bool IsGuard = false)
{
    public static SqlStatement Of(string sql, params SqlParameterValue[] parameters) => new(sql, parameters);

    public static SqlStatement Guard(string sql, params SqlParameterValue[] parameters) => new(sql, parameters, IsGuard: true);
}
