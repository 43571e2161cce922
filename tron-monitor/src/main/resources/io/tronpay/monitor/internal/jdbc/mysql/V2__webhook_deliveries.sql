-- TronPay monitor schema, version 2 (MySQL 8, MariaDB 10.6+): webhook endpoints and deliveries.
-- One delivery row per (event, endpoint); the unique key keeps a redelivered event from
-- being queued twice. The body is stored so every retry sends the same signed bytes.

CREATE TABLE ${p}webhook_endpoints (
  endpoint_id VARCHAR(128) PRIMARY KEY,
  url VARCHAR(2048) NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  disabled_at_ns BIGINT
);

CREATE TABLE ${p}webhook_deliveries (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id VARCHAR(128) NOT NULL,
  endpoint_id VARCHAR(128) NOT NULL,
  payment_id VARCHAR(128),
  url VARCHAR(2048) NOT NULL,
  payload TEXT NOT NULL,
  state VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_ns BIGINT NOT NULL,
  last_attempt_ns BIGINT,
  last_status INTEGER,
  last_error VARCHAR(500),
  claimed_until_ns BIGINT,
  created_at_ns BIGINT NOT NULL,
  CONSTRAINT ${p}webhook_deliveries_event_endpoint UNIQUE (event_id, endpoint_id)
);
CREATE INDEX ${p}webhook_deliveries_due ON ${p}webhook_deliveries (state, next_attempt_ns);
