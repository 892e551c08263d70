namespace RunbookRunner.Storage.Migrations;

/// <summary>One numbered schema script of a provider.</summary>
/// <param name="Version">The number from the file name (<c>0001_initial.sql</c> → 1).</param>
/// <param name="Name">The rest of the file name (<c>initial</c>).</param>
/// <param name="Sql">The script.</param>
/// <param name="Checksum">SHA-256 of the script, to catch an applied migration that was edited afterwards.</param>
public sealed record Migration(int Version, string Name, string Sql, string Checksum);
