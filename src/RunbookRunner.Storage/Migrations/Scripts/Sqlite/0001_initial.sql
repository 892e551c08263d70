-- RunbookRunner schema v1 (SQLite). Times are UTC text 'yyyy-MM-ddTHH:mm:ss.ffffffZ' (sortable as text);
-- booleans are 0/1.

CREATE TABLE runs (
    id                TEXT PRIMARY KEY,
    runbook_name      TEXT NOT NULL,
    title             TEXT NOT NULL,
    source_path       TEXT NULL,
    runbook_yaml      TEXT NOT NULL,
    environment       TEXT NULL,
    t0                TEXT NOT NULL,
    is_rehearsal      INTEGER NOT NULL,
    rehearsal_options TEXT NULL,
    started_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    state             TEXT NOT NULL,
    is_finished       INTEGER NOT NULL,
    lateness_ms       INTEGER NOT NULL,
    last_sequence     INTEGER NOT NULL,
    summary           TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX runs_by_created ON runs (created_at DESC, id DESC);
CREATE INDEX runs_by_state ON runs (state, created_at DESC, id DESC);
CREATE INDEX runs_by_runbook ON runs (runbook_name, created_at DESC, id DESC);
CREATE INDEX runs_unfinished ON runs (created_at, id) WHERE NOT is_finished;

CREATE TABLE journal (
    run_id   TEXT NOT NULL REFERENCES runs (id),
    sequence INTEGER NOT NULL,
    type     TEXT NOT NULL,
    data     TEXT NOT NULL,
    at       TEXT NOT NULL,
    PRIMARY KEY (run_id, sequence)
) WITHOUT ROWID;

CREATE TABLE command_keys (
    key        TEXT PRIMARY KEY,
    run_id     TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id        TEXT NOT NULL,
    target        TEXT NOT NULL,
    kind          TEXT NOT NULL,
    payload       TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    retry_at      TEXT NULL,
    last_error    TEXT NULL,
    claimed_by    TEXT NULL,
    claimed_until TEXT NULL,
    delivered_at  TEXT NULL
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_pending_by_group ON outbox (run_id, target, id) WHERE delivered_at IS NULL;

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    source    TEXT NOT NULL,
    action    TEXT NOT NULL,
    run_id    TEXT NULL,
    step_id   TEXT NULL,
    outcome   TEXT NOT NULL,
    detail    TEXT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
);
CREATE INDEX audit_by_run ON audit (run_id, id) WHERE run_id IS NOT NULL;

CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    slack_user TEXT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT NULL
) WITHOUT ROWID;

CREATE TABLE run_leases (
    run_id     TEXT PRIMARY KEY,
    node_id    TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    generation INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE step_logs (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id  TEXT NOT NULL,
    step_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    at      TEXT NOT NULL,
    line    TEXT NOT NULL
);
CREATE INDEX step_logs_by_run ON step_logs (run_id, id);
CREATE INDEX step_logs_by_step ON step_logs (run_id, step_id, id);

CREATE TABLE health_probe (
    id         INTEGER PRIMARY KEY,
    checked_at TEXT NOT NULL
);
