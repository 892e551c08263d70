namespace RunbookRunner.Actions.Postgres;

/// <summary>
/// What <c>clean</c> adds to <c>pg_restore --clean</c>, which only drops the objects the dump holds: first drop every
/// user table, view and sequence (extension members and column-owned sequences go with their owners), so the ones created
/// after the dump (a migration being undone) disappear; the dump's script then recreates its own. Run in the same
/// transaction as the restore, so the database ends exactly as dumped or stays untouched.
/// </summary>
internal static class RestorePrelude
{
    public const string DropUserRelations = """
        DO $restore$
        DECLARE r record;
        BEGIN
          FOR r IN
            SELECT n.nspname, c.relname, c.relkind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
          LOOP
            EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE',
              CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END,
              r.nspname, r.relname);
          END LOOP;
        END
        $restore$;
        """;
}
