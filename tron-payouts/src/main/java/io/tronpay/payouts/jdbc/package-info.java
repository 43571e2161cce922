/**
 * {@link io.tronpay.payouts.jdbc.JdbcPayoutLedger}: the payout ledger in PostgreSQL,
 * MySQL/MariaDB or H2 through the host's {@link javax.sql.DataSource}, so a restarted process, or
 * another instance on the same database, resumes from what was stored and never pays a key twice.
 */
package io.tronpay.payouts.jdbc;
