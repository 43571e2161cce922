-- TronPay monitor schema, version 4 (H2 2.x): the head block that confirms a transfer.
-- A request that asks for N blocks is confirmed at block_number + N - 1; keeping that number
-- on the transfer lets a chain step find what the head confirms with one index range read,
-- where it joined every waiting transfer with its request on each block. NULL: only
-- solidification confirms the transfer.

ALTER TABLE ${p}transfers ADD COLUMN confirms_at_block BIGINT;

UPDATE ${p}transfers SET confirms_at_block = block_number - 1
    + (SELECT NULLIF(r.confirmation_blocks, 0) FROM ${p}payments r
       WHERE r.payment_id = ${p}transfers.payment_id)
  WHERE payment_id IS NOT NULL;

CREATE INDEX ${p}transfers_confirms_at ON ${p}transfers (state, confirms_at_block);
