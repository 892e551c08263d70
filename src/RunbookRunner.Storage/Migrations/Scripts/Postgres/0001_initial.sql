-- RunbookRunner schema v1 (PostgreSQL). Times are timestamptz (microseconds); JSON is kept as text so it
-- round-trips byte for byte.

CREATE TABLE runs (
    id                text PRIMARY KEY,
    runbook_name      text NOT NULL,
    title             text NOT NULL,
    source_path       text NULL,
    runbook_yaml      text NOT NULL,
    environment       text NULL,
    t0                timestamptz NOT NULL,
    is_rehearsal      boolean NOT NULL,
    rehearsal_options text NULL,
    started_by        text NOT NULL,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    state             text NOT NULL,
    is_finished       boolean NOT NULL,
    lateness_ms       bigint NOT NULL,
    last_sequence     bigint NOT NULL,
    summary           text NOT NULL
);
CREATE INDEX runs_by_created ON runs (created_at DESC, id DESC);
CREATE INDEX runs_by_state ON runs (state, created_at DESC, id DESC);
CREATE INDEX runs_by_runbook ON runs (runbook_name, created_at DESC, id DESC);
CREATE INDEX runs_unfinished ON runs (created_at, id) WHERE NOT is_finished;

CREATE TABLE journal (
    run_id   text NOT NULL REFERENCES runs (id),
    sequence bigint NOT NULL,
    type     text NOT NULL,
    data     text NOT NULL,
    at       timestamptz NOT NULL,
    PRIMARY KEY (run_id, sequence)
);

-- Idempotency keys of commands: the unique key, not a read before the write, makes a retried click count once.
CREATE TABLE command_keys (
    key        text PRIMARY KEY,
    run_id     text NOT NULL,
    created_at timestamptz NOT NULL
);

-- run_id is '' for messages not tied to a run, so (run_id, target) is a plain ordering key.
CREATE TABLE outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id        text NOT NULL,
    target        text NOT NULL,
    kind          text NOT NULL,
    payload       text NOT NULL,
    created_at    timestamptz NOT NULL,
    attempts      integer NOT NULL DEFAULT 0,
    retry_at      timestamptz NULL,
    last_error    text NULL,
    claimed_by    text NULL,
    claimed_until timestamptz NULL,
    delivered_at  timestamptz NULL
);
CREATE INDEX outbox_pending ON outbox (id) WHERE delivered_at IS NULL;
CREATE INDEX outbox_pending_by_group ON outbox (run_id, target, id) WHERE delivered_at IS NULL;

-- id is assigned under the chain lock as previous id + 1: the chain has no gaps to hide a deletion.
CREATE TABLE audit (
    id        bigint PRIMARY KEY,
    at        timestamptz NOT NULL,
    actor     text NOT NULL,
    source    text NOT NULL,
    action    text NOT NULL,
    run_id    text NULL,
    step_id   text NULL,
    outcome   text NOT NULL,
    detail    text NULL,
    prev_hash text NOT NULL,
    hash      text NOT NULL
);
CREATE INDEX audit_by_run ON audit (run_id, id) WHERE run_id IS NOT NULL;

CREATE TABLE api_tokens (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    role       text NOT NULL,
    slack_user text NULL,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL
);

CREATE TABLE run_leases (
    run_id     text PRIMARY KEY,
    node_id    text NOT NULL,
    expires_at timestamptz NOT NULL,
    generation bigint NOT NULL
);

CREATE TABLE step_logs (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id  text NOT NULL,
    step_id text NOT NULL,
    attempt integer NOT NULL,
    at      timestamptz NOT NULL,
    line    text NOT NULL
);
CREATE INDEX step_logs_by_run ON step_logs (run_id, id);
CREATE INDEX step_logs_by_step ON step_logs (run_id, step_id, id);

-- One row, rewritten by readiness checks to prove the store still accepts writes.
CREATE TABLE health_probe (
    id         integer PRIMARY KEY,
    checked_at timestamptz NOT NULL
);
