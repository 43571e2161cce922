/**
 * {@link io.tronpay.monitor.jdbc.JdbcPaymentStore}: the monitor's state in PostgreSQL,
 * MySQL/MariaDB or H2 through the host's {@link javax.sql.DataSource}, safe for several
 * application instances on one database.
 */
package io.tronpay.monitor.jdbc;
