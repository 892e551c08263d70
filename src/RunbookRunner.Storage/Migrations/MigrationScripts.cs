using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RunbookRunner.Storage.Migrations;

/// <summary>Loads the numbered SQL scripts embedded for a provider (<c>migrations/&lt;Provider&gt;/NNNN_name.sql</c>).</summary>
internal static class MigrationScripts
{
    public static IReadOnlyList<Migration> For(StoreProvider provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"migrations/{provider}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var fileName = Path.GetFileNameWithoutExtension(resource[prefix.Length..]);
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName[(separator + 1)..], sql, checksum));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"{provider} migrations must be numbered 1, 2, 3... without gaps; found {migrations[i].Version} at position {i + 1}.");
            }
        }

        return migrations;
    }
}
