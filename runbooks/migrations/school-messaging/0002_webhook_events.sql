-- Raw webhook events kept for replay; the signature was verified before insert.
CREATE TABLE webhook_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL DEFAULT now(),
    payload     jsonb       NOT NULL
);

CREATE INDEX webhook_events_received_at ON webhook_events (received_at);
