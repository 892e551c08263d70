using System.CommandLine;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook tokens create|list|revoke</c>: manages API tokens directly in the store (no server needed), so the
/// first admin token can be made. <c>create</c> prints the new token alone on stdout; it is stored hashed.
/// </summary>
internal static class TokensCommand
{
    public const string StoreVariable = "Runbook__Store";
    public const string DefaultStore = "sqlite:./runbook-runner.db";

    public static Command Create(CliContext context)
    {
        var tokens = new CliCommand(
            "tokens",
            "Manage API tokens in the store (roles: viewer, operator, approver, admin).",
            ["runbook tokens create --role admin --name ops-lead", "runbook tokens create --role approver --as U01AAA --store postgres:Host=db;Database=runbook"]);
        tokens.Subcommands.Add(CreateCommand(context));
        tokens.Subcommands.Add(ListCommand(context));
        tokens.Subcommands.Add(RevokeCommand(context));
        return tokens;
    }

    private static CliCommand CreateCommand(CliContext context)
    {
        var role = new Option<string>("--role") { Description = "viewer (reads), operator (starts and controls runs), approver (also approves), admin (also tokens).", Required = true, HelpName = "ROLE" };
        role.AcceptOnlyFromAmong("viewer", "operator", "approver", "admin");
        var name = new Option<string?>("--name") { Description = "A name for the token (shown in the audit trail).", HelpName = "NAME" };
        var slackUser = new Option<string?>("--as") { Description = "The Slack user id the token acts as for approvals (U01AAA).", HelpName = "SLACK_USER" };
        var store = Store();
        var command = new CliCommand(
            "create",
            "Create a token and print it alone on stdout (it is shown once and stored hashed).",
            ["runbook tokens create --role operator --name deploy-bot", "TOKEN=$(runbook tokens create --role approver --as U01AAA)"])
        {
            role, name, slackUser, store,
        };
        command.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, store, context, async storage =>
        {
            var tokenRole = Enum.Parse<TokenRole>(parseResult.GetValue(role)!, ignoreCase: true);
            var slack = parseResult.GetValue(slackUser) is { Length: > 0 } s ? s.Trim() : null;
            var tokenName = parseResult.GetValue(name) is { Length: > 0 } n ? n.Trim() : slack ?? $"{tokenRole.ToString().ToLowerInvariant()}-{context.Time.GetUtcNow():yyyyMMddHHmmss}";
            var created = await storage.Tokens.CreateAsync(tokenName, tokenRole, slack, cancellationToken);
            await AuditAsync(storage, "token.create", $"{created.Token.Id} '{created.Token.Name}' role {tokenRole.ToString().ToLowerInvariant()}{(slack is null ? "" : $" as {slack}")}", cancellationToken);
            context.Out.WriteLine(created.Plaintext);
            context.Error.WriteLine($"created token {created.Token.Id} '{created.Token.Name}' ({tokenRole.ToString().ToLowerInvariant()}{(slack is null ? "" : $", acts as {slack}")}); it is not shown again");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static CliCommand ListCommand(CliContext context)
    {
        var store = Store();
        var format = CommonOptions.Format();
        var command = new CliCommand("list", "List tokens (never their secrets).", ["runbook tokens list", "runbook tokens list --format json"]) { store, format };
        command.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, store, context, async storage =>
        {
            var list = await storage.Tokens.ListAsync(cancellationToken);
            if (CommonOptions.ParseFormat(parseResult.GetValue(format)) == OutputFormat.Json)
            {
                CliJson.Write(context.Out, list.Select(t => new { t.Id, t.Name, role = t.Role.ToString().ToLowerInvariant(), t.SlackUser, t.CreatedAt, t.RevokedAt }));
                return ExitCodes.Ok;
            }

            var table = new TextTable("ID", "NAME", "ROLE", "SLACK USER", "CREATED", "REVOKED");
            foreach (var t in list)
            {
                table.AddRow(t.Id, t.Name, t.Role.ToString().ToLowerInvariant(), t.SlackUser ?? "-", CliJson.Instant(t.CreatedAt), t.RevokedAt is { } r ? CliJson.Instant(r) : "-");
            }

            table.Write(context.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static CliCommand RevokeCommand(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The token id (tok_...), from 'runbook tokens list'." };
        var store = Store();
        var command = new CliCommand("revoke", "Revoke a token: it stops working at once.", ["runbook tokens revoke tok_01jb2m3k4n5p6q7r8s9t0v1w2x"]) { id, store };
        command.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, store, context, async storage =>
        {
            var tokenId = parseResult.GetValue(id)!;
            if (!await storage.Tokens.RevokeAsync(tokenId, cancellationToken))
            {
                context.Error.WriteLine($"error: there is no active token '{tokenId}'");
                return ExitCodes.InvalidInput;
            }

            await AuditAsync(storage, "token.revoke", tokenId, cancellationToken);
            context.Out.WriteLine($"revoked {tokenId}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<string?> Store() => new("--store")
    {
        Description = $"The store: sqlite:PATH or postgres:CONNECTION (default: ${StoreVariable}, else {DefaultStore}).",
        HelpName = "STORE",
    };

    private static async Task<int> WithStoreAsync(ParseResult parseResult, Option<string?> option, CliContext context, Func<RunbookStorage, Task<int>> action)
    {
        var value = parseResult.GetValue(option) ?? context.GetEnvironmentVariable(StoreVariable) ?? DefaultStore;
        RunbookStorage storage;
        try
        {
            storage = RunbookStorage.Open(value, context.Time);
        }
        catch (FormatException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        await using (storage)
        {
            try
            {
                await storage.MigrateAsync();
                return await action(storage);
            }
            catch (StorageException ex)
            {
                context.Error.WriteLine($"error: the store {storage.Connection} is not usable: {ex.Message}");
                return ExitCodes.RunFailed;
            }
        }
    }

    private static Task<AuditEntry> AuditAsync(RunbookStorage storage, string action, string detail, CancellationToken cancellationToken) =>
        storage.Audit.AppendAsync(
            new NewAuditEntry
            {
                Actor = $"{Environment.UserName}@{Environment.MachineName}",
                Source = AuditSource.Cli,
                Action = action,
                Outcome = AuditOutcome.Allowed,
                Detail = detail,
            },
            cancellationToken);
}
