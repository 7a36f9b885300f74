-- Events a projection could not apply after retries, with every later event of the same stream (order is
-- kept: a stream with parked events is not applied past them). Parked by reference: the store has the events.
CREATE TABLE parked_events (
    projection TEXT        NOT NULL,
    stream_id  TEXT        NOT NULL,
    version    BIGINT      NOT NULL,
    position   BIGINT      NOT NULL,
    event_type TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    parked_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (projection, stream_id, version)
);

-- Read with the checkpoint lock, so the hot path learns "this stream is parked" without another query.
ALTER TABLE projection_checkpoints ADD COLUMN parked BOOLEAN NOT NULL DEFAULT FALSE;
