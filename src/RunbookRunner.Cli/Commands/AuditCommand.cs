using System.CommandLine;
using System.Globalization;
using RunbookRunner.Cli.Help;
using RunbookRunner.Cli.Output;
using RunbookRunner.Cli.Output.Json;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage;

namespace RunbookRunner.Cli.Commands;

/// <summary>
/// <c>runbook audit verify [--store S] [--anchor ID:HASH]</c>: recomputes the audit hash chain in the store itself
/// (no server needed) and names the first entry that does not check out. Exit 0 intact, 1 broken, 2 bad input.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var audit = new CliCommand(
            "audit",
            "Check the tamper-evident audit trail.",
            ["runbook audit verify", "runbook audit verify --store postgres:Host=db;Database=runbook --format json"]);
        audit.Subcommands.Add(VerifyCommand(context));
        return audit;
    }

    private static CliCommand VerifyCommand(CliContext context)
    {
        var store = new Option<string?>("--store")
        {
            Description = $"The store: sqlite:PATH or postgres:CONNECTION (default: ${TokensCommand.StoreVariable}, else {TokensCommand.DefaultStore}).",
            HelpName = "STORE",
        };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "An entry recorded earlier as ID:HASH (the 'head' of a previous verify); it must still be there, unchanged. Catches entries cut off the end, which a chain alone cannot show.",
            HelpName = "ID:HASH",
        };
        var format = CommonOptions.Format();
        var command = new CliCommand(
            "verify",
            "Recompute every entry's hash and link; report the first broken entry (exit 1) or the head to record (exit 0).",
            ["runbook audit verify --store sqlite:./runbook-runner.db", "runbook audit verify --anchor 1200:5f1c...e9 --format json"])
        {
            store, anchor, format,
        };
        command.SetAction((parseResult, cancellationToken) => VerifyAsync(
            parseResult.GetValue(store) ?? context.GetEnvironmentVariable(TokensCommand.StoreVariable) ?? TokensCommand.DefaultStore,
            parseResult.GetValue(anchor),
            CommonOptions.ParseFormat(parseResult.GetValue(format)),
            context,
            cancellationToken));
        return command;
    }

    private static async Task<int> VerifyAsync(string store, string? anchorText, OutputFormat format, CliContext context, CancellationToken cancellationToken)
    {
        (long Id, string Hash)? anchor = null;
        if (anchorText is not null)
        {
            var parts = anchorText.Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var anchorId) || anchorId < 1 || parts[1].Length != 64)
            {
                context.Error.WriteLine($"error: --anchor '{anchorText}' must be ID:HASH, e.g. 1200:<64 hex digits> as printed by an earlier verify");
                return ExitCodes.InvalidInput;
            }

            anchor = (anchorId, parts[1].ToLowerInvariant());
        }

        RunbookStorage storage;
        try
        {
            storage = RunbookStorage.Open(store, context.Time);
        }
        catch (FormatException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }

        await using (storage)
        {
            AuditVerification result;
            AuditEntry? head = null;
            string? anchorProblem = null;
            try
            {
                // Read-only on purpose: verifying never migrates or writes the store it judges.
                result = await storage.Audit.VerifyChainAsync(cancellationToken);
                // Entries are read back only from an intact chain: a tampered row may not even parse.
                if (result.IsValid)
                {
                    var newest = await storage.Audit.ListAsync(new AuditQuery { Limit = 1 }, cancellationToken);
                    head = newest.Count > 0 ? newest[0] : null;
                }

                if (result.IsValid && anchor is { } a)
                {
                    var atAnchor = await storage.Audit.ListAsync(new AuditQuery { BeforeId = a.Id + 1, Limit = 1 }, cancellationToken);
                    var found = atAnchor.Count > 0 ? atAnchor[0] : null;
                    anchorProblem = found is null || found.Id != a.Id
                        ? $"anchor entry {a.Id} is gone: the trail was cut back to entry {head?.Id ?? 0}"
                        : found.Hash != a.Hash
                            ? $"anchor entry {a.Id} now hashes to {found.Hash}, not the recorded {a.Hash}"
                            : null;
                }
            }
            catch (StorageException ex)
            {
                context.Error.WriteLine($"error: the store {storage.Connection} is not usable: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var intact = result.IsValid && anchorProblem is null;
            if (format == OutputFormat.Json)
            {
                CliJson.Write(context.Out, new AuditVerifyDocument(
                    intact, result.EntriesChecked, result.FirstBrokenId, result.Problem ?? anchorProblem, head?.Id, head?.Hash));
            }
            else if (!result.IsValid)
            {
                context.Out.WriteLine($"audit trail BROKEN at entry {result.FirstBrokenId}: {result.Problem}");
                context.Out.WriteLine($"entries 1 to {result.FirstBrokenId - 1} check out; entry {result.FirstBrokenId} and everything after it cannot be trusted");
            }
            else if (anchorProblem is not null)
            {
                context.Out.WriteLine($"audit trail BROKEN: {anchorProblem}");
            }
            else
            {
                context.Out.WriteLine($"audit trail intact: {result.EntriesChecked} entries checked");
                if (head is not null)
                {
                    context.Out.WriteLine($"head {head.Id}:{head.Hash} (record it; pass it as --anchor next time to detect entries cut off the end)");
                }
            }

            return intact ? ExitCodes.Ok : ExitCodes.RunFailed;
        }
    }
}
