-- Time-keeping deletes events relayed more than a week ago, oldest first, in bounded batches.
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;
