-- TronPay monitor schema, version 1 (MySQL 8, MariaDB 10.6+).
-- ${p} is the host's table prefix. Amounts are base units in DECIMAL(65,0), the widest MySQL has,
-- and nothing is ever rounded. Instants are epoch nanoseconds in BIGINT so they round-trip exactly.

CREATE TABLE ${p}payments (
  payment_id VARCHAR(128) PRIMARY KEY,
  order_id VARCHAR(128) NOT NULL,
  wallet_address VARCHAR(34) NOT NULL,
  currency VARCHAR(16) NOT NULL,
  asset_symbol VARCHAR(32) NOT NULL,
  asset_contract VARCHAR(34),
  asset_decimals INTEGER NOT NULL,
  expected_units DECIMAL(65,0) NOT NULL,
  match_mode VARCHAR(16) NOT NULL,
  confirmation_blocks INTEGER NOT NULL,
  expires_in_ns BIGINT,
  fixed_expires_at_ns BIGINT,
  metadata TEXT NOT NULL,
  callback_url VARCHAR(2048),
  status VARCHAR(16) NOT NULL,
  confirmed_units DECIMAL(65,0) NOT NULL,
  unconfirmed_units DECIMAL(65,0) NOT NULL,
  watched_at_ns BIGINT NOT NULL,
  expires_at_ns BIGINT NOT NULL,
  updated_at_ns BIGINT NOT NULL,
  finished_at_ns BIGINT,
  version BIGINT NOT NULL,
  callback_attempts INTEGER NOT NULL DEFAULT 0,
  last_callback_attempt_ns BIGINT,
  callback_success BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX ${p}payments_order_id ON ${p}payments (order_id);
CREATE INDEX ${p}payments_address_status ON ${p}payments (wallet_address, status);
CREATE INDEX ${p}payments_status_expiry ON ${p}payments (status, expires_at_ns);

CREATE TABLE ${p}transfers (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  tx_id VARCHAR(64) NOT NULL,
  log_index INTEGER NOT NULL,
  asset_symbol VARCHAR(32) NOT NULL,
  asset_contract VARCHAR(34),
  asset_decimals INTEGER NOT NULL,
  from_address VARCHAR(34) NOT NULL,
  to_address VARCHAR(34) NOT NULL,
  units DECIMAL(65,0) NOT NULL,
  block_number BIGINT NOT NULL,
  block_id VARCHAR(64) NOT NULL,
  block_timestamp BIGINT NOT NULL,
  state VARCHAR(16) NOT NULL,
  payment_id VARCHAR(128),
  late BOOLEAN NOT NULL,
  CONSTRAINT ${p}transfers_tx_log UNIQUE (tx_id, log_index)
);
CREATE INDEX ${p}transfers_payment ON ${p}transfers (payment_id);
CREATE INDEX ${p}transfers_state ON ${p}transfers (state, block_number);

CREATE TABLE ${p}payment_logs (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id VARCHAR(128) NOT NULL,
  event_type VARCHAR(32) NOT NULL,
  payment_id VARCHAR(128),
  order_id VARCHAR(128),
  wallet_address VARCHAR(34) NOT NULL,
  asset_symbol VARCHAR(32) NOT NULL,
  asset_contract VARCHAR(34),
  asset_decimals INTEGER NOT NULL,
  status VARCHAR(16),
  received_units DECIMAL(65,0) NOT NULL,
  amount_units DECIMAL(65,0),
  tx_id VARCHAR(64),
  log_index INTEGER NOT NULL,
  block_number BIGINT NOT NULL,
  occurred_at_ns BIGINT NOT NULL,
  CONSTRAINT ${p}payment_logs_event UNIQUE (event_id)
);
CREATE INDEX ${p}payment_logs_payment ON ${p}payment_logs (payment_id);
CREATE INDEX ${p}payment_logs_occurred ON ${p}payment_logs (occurred_at_ns);

CREATE TABLE ${p}outbox (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id VARCHAR(128) NOT NULL,
  dead BOOLEAN NOT NULL DEFAULT FALSE,
  attempts INTEGER NOT NULL DEFAULT 0,
  not_before_ns BIGINT NOT NULL,
  claimed_until_ns BIGINT,
  CONSTRAINT ${p}outbox_event UNIQUE (event_id)
);
CREATE INDEX ${p}outbox_due ON ${p}outbox (dead, not_before_ns, seq);

CREATE TABLE ${p}scan_cursor (
  id INTEGER PRIMARY KEY,
  head_block BIGINT NOT NULL,
  log_block BIGINT NOT NULL,
  solid_block BIGINT NOT NULL,
  head_timestamp BIGINT NOT NULL,
  settled_timestamp BIGINT NOT NULL,
  recent_blocks TEXT NOT NULL
);

CREATE TABLE ${p}leases (
  name VARCHAR(64) PRIMARY KEY,
  owner VARCHAR(128) NOT NULL,
  token BIGINT NOT NULL,
  expires_at_ns BIGINT NOT NULL,
  renewed_at_ns BIGINT NOT NULL
);
