-- Orders placed through Storefront 2.0 record the session they came from and their fulfilment state.
CREATE TABLE storefront_orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id   uuid        NOT NULL REFERENCES storefront_sessions (id),
    total_pence  integer     NOT NULL CHECK (total_pence >= 0),
    fulfilment   text        NOT NULL DEFAULT 'pending'
                 CHECK (fulfilment IN ('pending', 'picking', 'shipped', 'cancelled')),
    placed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX storefront_orders_fulfilment ON storefront_orders (fulfilment) WHERE fulfilment <> 'shipped';
