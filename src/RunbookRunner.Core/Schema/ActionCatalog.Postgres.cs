using static RunbookRunner.Core.Schema.SchemaBuilder;

namespace RunbookRunner.Core.Schema;

public static partial class ActionCatalog
{
    private const string ConnectionHelp = "A postgresql:// URL or a libpq key=value string; use ${secrets.NAME}.";

    private static ActionDescriptor PostgresBackup() => new()
    {
        Type = "postgres.backup",
        Summary = "Dumps a database with pg_dump -Fc to a file; verify: true lists the dump with pg_restore --list.",
        Parameters = Object(
            Req("connection", Str(), ConnectionHelp),
            Req("to", Str(), "File the dump is written to."),
            Opt("verify", Bool(), "Check the dump with pg_restore --list; default false.")),
        Idempotent = true,
        Outputs = ["path", "size_bytes", "duration_ms"],
        SecretParameters = ["connection"],
    };

    private static ActionDescriptor PostgresRestore() => new()
    {
        Type = "postgres.restore",
        Summary = "Restores a pg_dump -Fc file into a database (the natural undo of a migration).",
        Parameters = Object(
            Req("connection", Str(), ConnectionHelp),
            Req("from", Str(), "Dump file to restore."),
            Opt("clean", Bool(), "Drop objects before recreating them; default true.")),
        Idempotent = false,
        Outputs = ["duration_ms"],
        SecretParameters = ["connection"],
    };

    private static ActionDescriptor Sql() => new()
    {
        Type = "sql",
        Summary = "Runs inline SQL or SQL files in one transaction and records what ran.",
        Parameters = Object(
            Req("connection", Str(), ConnectionHelp),
            Opt("sql", Str(), "Inline SQL."),
            Opt("files", ListOf(Str()), "SQL files, run in order."))
        with
        {
            ExactlyOneOf = [["sql", "files"]],
        },
        Idempotent = false,
        Outputs = ["statements", "rows_affected"],
        SecretParameters = ["connection"],
    };
}
