using System.Data.Common;
using RunbookRunner.Core.Persistence;
using RunbookRunner.Storage.Sql;

namespace RunbookRunner.Storage.Runs;

/// <summary>Column lists and readers for runs.</summary>
internal static class RunRows
{
    public const string ListColumns =
        "id, runbook_name, title, environment, t0, is_rehearsal, started_by, created_at, updated_at, state, is_finished, lateness_ms, last_sequence";

    public const string FullColumns = ListColumns + ", source_path, runbook_yaml, rehearsal_options, summary";

    public static RunListItem ReadListItem(SqlDatabase db, DbDataReader r) => new()
    {
        Id = r.GetString(0),
        RunbookName = r.GetString(1),
        Title = r.GetString(2),
        Environment = r.GetNullableString(3),
        T0 = db.ReadTime(r, 4),
        IsRehearsal = r.GetBoolean(5),
        StartedBy = r.GetString(6),
        CreatedAt = db.ReadTime(r, 7),
        UpdatedAt = db.ReadTime(r, 8),
        State = r.GetString(9),
        IsFinished = r.GetBoolean(10),
        Lateness = TimeSpan.FromMilliseconds(r.GetInt64(11)),
        LastSequence = r.GetInt64(12),
    };

    public static RunRecord ReadRecord(SqlDatabase db, DbDataReader r)
    {
        var item = ReadListItem(db, r);
        return new RunRecord
        {
            Id = item.Id,
            RunbookName = item.RunbookName,
            Title = item.Title,
            Environment = item.Environment,
            T0 = item.T0,
            IsRehearsal = item.IsRehearsal,
            StartedBy = item.StartedBy,
            CreatedAt = item.CreatedAt,
            UpdatedAt = item.UpdatedAt,
            State = item.State,
            IsFinished = item.IsFinished,
            Lateness = item.Lateness,
            LastSequence = item.LastSequence,
            SourcePath = r.GetNullableString(13),
            RunbookYaml = r.GetString(14),
            RehearsalOptionsJson = r.GetNullableString(15),
            SummaryJson = r.GetString(16),
        };
    }
}
