-- TronPay payout ledger schema, version 1 (MySQL 8, MariaDB 10.6+).
-- ${p} is the host's table prefix. One row per payout. Amounts are base units in DECIMAL(65,0),
-- the widest MySQL has, and nothing is ever rounded. Instants are epoch nanoseconds in BIGINT so
-- they round-trip exactly. seq keeps insertion order, the tie-break of equal creation times.
-- The binary collation makes keys, ids and addresses case-sensitive, as they are everywhere else.

CREATE TABLE ${p}payouts (
  seq BIGINT AUTO_INCREMENT PRIMARY KEY,
  payout_id VARCHAR(128) NOT NULL,
  idempotency_key VARCHAR(255) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  from_address VARCHAR(34) NOT NULL,
  to_address VARCHAR(34) NOT NULL,
  asset_symbol VARCHAR(64) NOT NULL,
  asset_contract VARCHAR(34),
  asset_decimals INTEGER NOT NULL,
  amount DECIMAL(65,0) NOT NULL,
  memo MEDIUMTEXT NOT NULL,
  state VARCHAR(16) NOT NULL,
  tx_id VARCHAR(64),
  signed_tx_hex MEDIUMTEXT,
  expiration BIGINT NOT NULL,
  attempt INTEGER NOT NULL,
  broadcast_attempts INTEGER NOT NULL,
  last_error MEDIUMTEXT,
  fee_sun BIGINT NOT NULL,
  block_number BIGINT NOT NULL,
  created_at_ns BIGINT NOT NULL,
  updated_at_ns BIGINT NOT NULL,
  version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE UNIQUE INDEX ${p}payouts_id ON ${p}payouts (payout_id);
CREATE UNIQUE INDEX ${p}payouts_key ON ${p}payouts (idempotency_key);
CREATE INDEX ${p}payouts_state ON ${p}payouts (state, created_at_ns);
CREATE INDEX ${p}payouts_created ON ${p}payouts (created_at_ns);
