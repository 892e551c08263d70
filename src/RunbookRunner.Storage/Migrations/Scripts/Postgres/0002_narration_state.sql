-- RunbookRunner schema v2 (PostgreSQL): per-run state of narration sinks (e.g. the Slack status message's
-- channel and ts), so messages are updated in place across restarts and a repeated delivery posts nothing twice.

CREATE TABLE narration_state (
    target     text NOT NULL,
    run_id     text NOT NULL,
    key        text NOT NULL,
    value      text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (target, run_id, key)
);
