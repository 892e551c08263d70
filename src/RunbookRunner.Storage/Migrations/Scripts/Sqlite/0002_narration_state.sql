-- RunbookRunner schema v2 (SQLite): per-run state of narration sinks (e.g. the Slack status message's channel
-- and ts), so messages are updated in place across restarts and a repeated delivery posts nothing twice.

CREATE TABLE narration_state (
    target     TEXT NOT NULL,
    run_id     TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (target, run_id, key)
) WITHOUT ROWID;
