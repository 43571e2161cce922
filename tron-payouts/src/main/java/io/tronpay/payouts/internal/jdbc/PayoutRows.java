package io.tronpay.payouts.internal.jdbc;

import io.tronpay.core.Address;
import io.tronpay.payouts.Asset;
import io.tronpay.payouts.Payout;
import io.tronpay.payouts.PayoutKind;
import io.tronpay.payouts.PayoutState;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Maps payouts to rows of the V1 schema and back. */
public final class PayoutRows {
  /** Every payout column, in the order {@link #bind} binds them and {@link #read} reads them. */
  public static final String COLUMNS = "payout_id, idempotency_key, kind, from_address, "
      + "to_address, asset_symbol, asset_contract, asset_decimals, amount, memo, state, tx_id, "
      + "signed_tx_hex, expiration, attempt, broadcast_attempts, last_error, fee_sun, "
      + "block_number, created_at_ns, updated_at_ns, version";

  /** How many columns {@link #COLUMNS} lists. */
  public static final int COLUMN_COUNT = 22;

  /**
   * The assignments of an update: every column but the id, the key and the creation time, which
   * never change, in the order {@link #bindUpdate} binds them.
   */
  public static final String UPDATE_ASSIGNMENTS = "kind = ?, from_address = ?, to_address = ?, "
      + "asset_symbol = ?, asset_contract = ?, asset_decimals = ?, amount = ?, memo = ?, "
      + "state = ?, tx_id = ?, signed_tx_hex = ?, expiration = ?, attempt = ?, "
      + "broadcast_attempts = ?, last_error = ?, fee_sun = ?, block_number = ?, "
      + "updated_at_ns = ?, version = ?";

  /** How many parameters {@link #UPDATE_ASSIGNMENTS} holds. */
  public static final int UPDATE_COUNT = 19;

  private PayoutRows() {}

  /**
   * An instant as epoch nanoseconds, exact for the years 1677 to 2262.
   *
   * @param t the instant
   * @return nanoseconds
   * @throws ArithmeticException outside those years
   */
  public static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /**
   * Epoch nanoseconds as an instant.
   *
   * @param nanos nanoseconds
   * @return the instant
   */
  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
        Math.floorMod(nanos, 1_000_000_000L));
  }

  /**
   * Binds every column of {@link #COLUMNS} from index 1.
   *
   * @param ps the insert
   * @param p the payout
   * @throws SQLException from the driver
   */
  public static void bind(PreparedStatement ps, Payout p) throws SQLException {
    ps.setString(1, p.id());
    ps.setString(2, p.idempotencyKey());
    bindMutable(ps, 3, p);
    ps.setLong(20, nanos(p.createdAt()));
    ps.setLong(21, nanos(p.updatedAt()));
    ps.setLong(22, p.version());
  }

  /**
   * Binds {@link #UPDATE_ASSIGNMENTS} from index 1.
   *
   * @param ps the update
   * @param p the new version
   * @throws SQLException from the driver
   */
  public static void bindUpdate(PreparedStatement ps, Payout p) throws SQLException {
    bindMutable(ps, 1, p);
    ps.setLong(18, nanos(p.updatedAt()));
    ps.setLong(19, p.version());
  }

  private static void bindMutable(PreparedStatement ps, int from, Payout p) throws SQLException {
    int i = from;
    ps.setString(i++, p.kind().name());
    ps.setString(i++, p.from().toBase58());
    ps.setString(i++, p.to().toBase58());
    ps.setString(i++, p.asset().symbol());
    setNullableString(ps, i++, p.asset().contract() == null ? null
        : p.asset().contract().toBase58());
    ps.setInt(i++, p.asset().decimals());
    ps.setBigDecimal(i++, new BigDecimal(p.amount()));
    ps.setString(i++, p.memo());
    ps.setString(i++, p.state().name());
    setNullableString(ps, i++, p.txId());
    setNullableString(ps, i++, p.signedTransactionHex());
    ps.setLong(i++, p.expiration());
    ps.setInt(i++, p.attempt());
    ps.setInt(i++, p.broadcastAttempts());
    setNullableString(ps, i++, p.lastError());
    ps.setLong(i++, p.feeSun());
    ps.setLong(i, p.blockNumber());
  }

  private static void setNullableString(PreparedStatement ps, int index, String value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /**
   * Reads the payout of the current row, selected with {@link #COLUMNS}.
   *
   * @param rs the result set
   * @return the payout
   * @throws SQLException from the driver
   */
  public static Payout read(ResultSet rs) throws SQLException {
    String contract = rs.getString(7);
    Asset asset = new Asset(rs.getString(6), contract == null ? null : Address.fromBase58(contract),
        rs.getInt(8));
    return new Payout(rs.getString(1), rs.getString(2), PayoutKind.valueOf(rs.getString(3)),
        Address.fromBase58(rs.getString(4)), Address.fromBase58(rs.getString(5)), asset,
        rs.getBigDecimal(9).toBigIntegerExact(), rs.getString(10),
        PayoutState.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13), rs.getLong(14),
        rs.getInt(15), rs.getInt(16), rs.getString(17), rs.getLong(18), rs.getLong(19),
        instant(rs.getLong(20)), instant(rs.getLong(21)), rs.getLong(22));
  }
}
