using System.Text.Json;
using FluentAssertions;
using Npgsql;
using RunbookRunner.Cli;
using RunbookRunner.Integration.Tests.TestSupport;
using RunbookRunner.TestKit;
using RunbookRunner.TestKit.Fakes.Cloudflare;
using RunbookRunner.TestKit.Fakes.GitHub;
using RunbookRunner.TestKit.Postgres;

namespace RunbookRunner.Integration.Tests.Staging;

/// <summary>
/// A dress rehearsal of the real <c>runbooks/launch-day.yaml</c> in staging: every action runs for real against
/// loopback stand-ins (the app, flags and metrics; GitHub with a deployer; Cloudflare with its resolver; Slack) and a
/// real PostgreSQL database, on the compressed clock of <c>runbook rehearse --live</c>.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LaunchDayStagingTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Zone = "acme-platform.example";
    private readonly string _secretsSuffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly string _work = Directory.CreateTempSubdirectory("launch-day-staging-").FullName;
    private FakeAcmeStaging _acme = null!;
    private FakeGitHubServer _github = null!;
    private FakeRepository _repo = null!;
    private FakeDeployer _deployer = null!;
    private FakeCloudflare _cloudflare = null!;
    private string _databaseUrl = null!;

    private string AdminToken => "adm-canary-" + _secretsSuffix;

    private string FlagsToken => "flg-canary-" + _secretsSuffix;

    public async Task InitializeAsync()
    {
        _acme = await FakeAcmeStaging.StartAsync(AdminToken, FlagsToken);
        _github = await FakeGitHubServer.StartAsync();
        _repo = _github.State.AddRepository("acme", "platform");
        _repo.AddCommit("Release 1.14.3");
        _repo.AddTag("v1.14.3", "main");
        var release = _repo.AddCommit("Release 2.0.0");
        _repo.AddTag("v2.0.0", release);
        _repo.AddStatus(release, "ci/build", "success");
        _repo.AddIssue("Typo on the about page", "P3");
        _deployer = new FakeDeployer(_repo);
        _cloudflare = await FakeCloudflare.StartAsync(Zone);
        _cloudflare.Add("A", "staging." + Zone, "198.51.100.20", ttl: 60);

        var connection = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync());
        _databaseUrl = $"postgresql://{connection.Username}@{connection.Host}:{connection.Port}/{connection.Database}";
        await using var db = new NpgsqlConnection(connection.ConnectionString);
        await db.OpenAsync();
        await using var seed = new NpgsqlCommand("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL); INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace');", db);
        await seed.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _deployer.DisposeAsync();
        await _cloudflare.DisposeAsync();
        await _github.DisposeAsync();
        await _acme.DisposeAsync();
        foreach (var name in Variables.Keys)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task LiveRehearsal_HealthyStaging_GoesLiveAndRecordsTheDeployment()
    {
        var result = await RehearseAsync();

        result.ExitCode.Should().Be(ExitCodes.Ok, result.ToString());
        var deployment = _repo.Deployments.Should().ContainSingle().Subject;
        deployment.Ref.Should().Be("v2.0.0");
        deployment.Environment.Should().Be("staging");
        _repo.DeploymentStates(deployment.Id).Should().Equal("in_progress", "success");
        (await TablesAsync()).Should().Contain(["customers", "storefront_sessions", "storefront_orders", "schema_migrations"]);
        _acme.MaintenanceChanges.Should().Equal(true);
        _acme.FlagChanges.Should().HaveCount(2).And.SatisfyRespectively(
            staff => staff.Should().Contain("staff"),
            everyone => everyone.Should().Contain("everyone"));
        DnsRecord().Should().Be("203.0.113.20");
        _acme.SlackMessages.Should().ContainSingle(m => m.Channel == "C0456STAGING" && m.Text.Contains(_acme.Url.ToString().TrimEnd('/'), StringComparison.Ordinal));
        Directory.EnumerateFiles(Path.Combine(_work, "backups"), "*.dump").Should().ContainSingle("the backup step wrote a verified dump");
        result.Stdout.Should().NotContain(AdminToken).And.NotContain(FlagsToken).And.NotContain(_secretsSuffix + "-cf");
        result.Stdout.Should().Contain("Dress-rehearsing (real actions)");
    }

    [Fact]
    public async Task LiveRehearsal_CheckoutBrokenAfterCutover_RollsBackDeploymentDnsAndDatabase()
    {
        _acme.CheckoutHealthy = false;

        var result = await RehearseAsync();

        result.ExitCode.Should().Be(ExitCodes.RolledBack, result.ToString());
        _repo.Deployments.Select(d => d.Ref).Should().Equal(["v2.0.0", "v1.14.3"], "the deploy's undo deploys the previous release");
        _repo.Deployments.Select(d => string.Join(",", _repo.DeploymentStates(d.Id))).Should().Equal("in_progress,success", "in_progress,success");
        var tables = await TablesAsync();
        tables.Should().Contain("customers").And.NotContain(["storefront_sessions", "storefront_orders", "schema_migrations"], "the database was restored from the backup taken before the migration");
        (await CustomerCountAsync()).Should().Be(2);
        DnsRecord().Should().Be("198.51.100.20", "the cutover's undo points the name back at the 1.x stack");
        _acme.MaintenanceChanges.Should().Equal(true, false);
        _acme.FlagChanges.Last().Should().Contain("\"enabled\":false");
        _acme.SlackMessages.Should().ContainSingle(m => m.Channel == "C0789SUPPORT" && m.Text.Contains("rolled back", StringComparison.Ordinal));
        result.Stdout.Should().NotContain(AdminToken).And.NotContain(FlagsToken);
    }

    private Dictionary<string, string> Variables => new()
    {
        ["STAGING_DB_" + _secretsSuffix] = _databaseUrl,
        ["STAGING_ADMIN_" + _secretsSuffix] = AdminToken,
        ["STAGING_FLAGS_" + _secretsSuffix] = FlagsToken,
    };

    private async Task<CliResult> RehearseAsync()
    {
        // Secrets reach the run only through their sources: unique environment variables and a file.
        foreach (var (name, value) in Variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        var cfToken = Path.Combine(_work, "cloudflare-token");
        await File.WriteAllTextAsync(cfToken, FakeCloudflare.Token + "\n");
        var config = Path.Combine(_work, "actions.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            GitHub = new { ApiBaseUrl = _github.BaseUri.ToString(), Token = _github.Token, MinWriteInterval = "00:00:00", RetryBaseDelay = "00:00:00.010" },
            Cloudflare = new { ApiBaseUrl = _cloudflare.ApiBaseUrl.ToString() },
            Slack = new { ApiBaseUrl = new Uri(_acme.Url, "slack/api/").ToString(), BotToken = "xoxb-staging" },
            Actions = new { DnsOverHttpsUrl = _cloudflare.DnsOverHttpsUrl.ToString(), DnsPollInterval = "00:00:00.050", GitHubPollInterval = "00:00:00.050" },
        }));
        Directory.CreateDirectory(Path.Combine(_work, "backups"));
        var app = _acme.Url.ToString().TrimEnd('/');
        string[] args =
        [
            "rehearse", Repo.File("runbooks", "launch-day.yaml"), "--env", "staging", "--live", "--approve-all",
            "--store", $"sqlite:{Path.Combine(_work, "journal.db")}", "--config", config,
            "--var", $"app_url={app}", "--var", $"origin_url={app}", "--var", $"metrics_url={app}", "--var", $"flags_url={app}",
            "--var", $"backup_dir={Path.Combine(_work, "backups")}",
            "--secret", $"db_url=env:STAGING_DB_{_secretsSuffix}",
            "--secret", $"admin_token=env:STAGING_ADMIN_{_secretsSuffix}",
            "--secret", $"flags_token=env:STAGING_FLAGS_{_secretsSuffix}",
            "--secret", $"cf_token=file:{cfToken}",
        ];
        return await CliRunner.RunAsync(TimeSpan.FromMinutes(4), args);
    }

    private string DnsRecord() =>
        _cloudflare.Records.Values.Single(r => r["name"]!.GetValue<string>() == "staging." + Zone)["content"]!.GetValue<string>();

    private async Task<List<string>> TablesAsync()
    {
        await using var db = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", db);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> CustomerCountAsync()
    {
        await using var db = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM customers", db);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var uri = new Uri(_databaseUrl);
        var db = new NpgsqlConnection($"Host={uri.Host};Port={uri.Port};Username={uri.UserInfo};Database={uri.AbsolutePath.TrimStart('/')}");
        await db.OpenAsync();
        return db;
    }
}
