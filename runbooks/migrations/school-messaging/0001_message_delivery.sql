-- Delivery receipts from the WhatsApp webhook: one row per outbound message and its latest status.
CREATE TABLE message_deliveries (
    wamid        text        PRIMARY KEY,            -- WhatsApp message id
    class_id     bigint      NOT NULL,
    guardian_id  bigint      NOT NULL,
    status       text        NOT NULL DEFAULT 'sent'
                 CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
    error_code   integer,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX message_deliveries_class_status ON message_deliveries (class_id, status);
