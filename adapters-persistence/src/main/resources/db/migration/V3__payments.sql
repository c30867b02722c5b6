-- Real payments (issue 12, DOMAIN.md rules 19 and 20).

-- A purchase remembers the provider's payment (a PaymentIntent id) and when its lot left the pool.
ALTER TABLE purchases ADD COLUMN payment_reference text;
ALTER TABLE purchases ADD COLUMN refunded_at timestamptz;
ALTER TABLE purchases DROP CONSTRAINT purchases_state_check;
ALTER TABLE purchases ADD CONSTRAINT purchases_state_check
    CHECK (state IN ('PENDING', 'SUCCEEDED', 'DECLINED', 'REFUNDED', 'DISPUTED'));
CREATE UNIQUE INDEX purchases_payment_reference ON purchases (payment_reference)
    WHERE payment_reference IS NOT NULL;
-- A member's purchase history, newest first.
CREATE INDEX purchases_pool_history ON purchases (pool_id, created_at DESC, purchase_id DESC);

-- A refunded lot and a lot frozen by a dispute leave the pool with postings of their own.
ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_kind_check;
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_kind_check
    CHECK (kind IN ('CREDITED', 'RESERVED', 'RELEASED', 'CHARGED_FROM_HOLD', 'CHARGED', 'EXPIRED',
        'ARREARS_INCURRED', 'ARREARS_SETTLED', 'REFUNDED', 'FROZEN'));

-- Each team's one saved card at the provider; the card's details as the provider gave them.
CREATE TABLE payment_methods (
    team_id           text        PRIMARY KEY REFERENCES teams,
    customer_id       text        NOT NULL,
    payment_method_id text        NOT NULL,
    card_brand        text,
    card_last4        text,
    card_exp_month    integer,
    card_exp_year     integer,
    CHECK ((card_brand IS NULL) = (card_last4 IS NULL))
);

-- The provider's webhook events already handled: the primary key makes each one count once,
-- across instances. Kept: the provider may send an event again days later.
CREATE TABLE payment_events (
    event_id    text        PRIMARY KEY,
    received_at timestamptz NOT NULL
);
