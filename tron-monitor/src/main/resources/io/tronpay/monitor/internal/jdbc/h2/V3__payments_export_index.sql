-- TronPay monitor schema, version 3 (H2 2.x): an index in export order.
-- exportPayments reads requests in keyset pages ordered by (watched_at_ns, payment_id); with
-- this index each page is a short range scan instead of a sort of the whole table.

CREATE INDEX ${p}payments_watched ON ${p}payments (watched_at_ns, payment_id);
