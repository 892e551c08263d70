-- Storefront 2.0 keeps carts server-side, keyed by an opaque session id.
CREATE TABLE storefront_sessions (
    id          uuid        PRIMARY KEY,
    customer_id bigint,
    cart        jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL
);

CREATE INDEX storefront_sessions_expires_at ON storefront_sessions (expires_at);
