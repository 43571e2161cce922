package io.tronpay.monitor.internal.jdbc;

import io.tronpay.core.Address;
import io.tronpay.monitor.Asset;
import io.tronpay.monitor.ConfirmationPolicy;
import io.tronpay.monitor.EventType;
import io.tronpay.monitor.MatchMode;
import io.tronpay.monitor.Payment;
import io.tronpay.monitor.PaymentEvent;
import io.tronpay.monitor.PaymentRequest;
import io.tronpay.monitor.PaymentStatus;
import io.tronpay.monitor.ScanCursor;
import io.tronpay.monitor.Transfer;
import io.tronpay.monitor.TransferRecord;
import io.tronpay.monitor.TransferState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps the monitor's values to rows and back; column lists here match the V1 schema. */
public final class Rows {
  /** The payment columns, in the order {@link #bindPayment} binds them. */
  public static final String PAYMENT_COLUMNS = "payment_id, order_id, wallet_address, currency, "
      + "asset_symbol, asset_contract, asset_decimals, expected_units, match_mode, "
      + "confirmation_blocks, expires_in_ns, fixed_expires_at_ns, metadata, callback_url, status, "
      + "confirmed_units, unconfirmed_units, watched_at_ns, expires_at_ns, updated_at_ns, "
      + "finished_at_ns, version";

  /** The transfer columns, in the order {@link #bindTransfer} binds them. */
  public static final String TRANSFER_COLUMNS = "asset_symbol, asset_contract, asset_decimals, "
      + "from_address, to_address, units, block_number, block_id, block_timestamp, state, "
      + "payment_id, late, tx_id, log_index";

  /** The event columns, in the order {@link #bindEvent} binds them. */
  public static final String EVENT_COLUMNS = "event_id, event_type, payment_id, order_id, "
      + "wallet_address, asset_symbol, asset_contract, asset_decimals, status, received_units, "
      + "amount_units, tx_id, log_index, block_number, occurred_at_ns";

  private Rows() {}

  /**
   * An instant as epoch nanoseconds, exact for the years 1677 to 2262.
   *
   * @param t the instant
   * @return nanoseconds
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
   * The seeds' currency label: {@code TRX}, or the token symbol with {@code _TRC20}.
   *
   * @param asset the asset
   * @return such as {@code USDT_TRC20}
   */
  public static String currency(Asset asset) {
    return asset.isTrx() ? "TRX" : asset.symbol() + "_TRC20";
  }

  /**
   * Binds a payment's columns from index {@code from}.
   *
   * @param ps the statement
   * @param p the payment
   * @param from the first parameter index
   * @return the index after the last one bound
   * @throws SQLException from the driver
   */
  public static int bindPayment(PreparedStatement ps, Payment p, int from)
      throws SQLException {
    PaymentRequest r = p.request();
    int i = from;
    ps.setString(i++, r.id());
    ps.setString(i++, r.orderId());
    ps.setString(i++, r.address().toBase58());
    ps.setString(i++, currency(r.asset()));
    ps.setString(i++, r.asset().symbol());
    ps.setString(i++, r.asset().contract() == null ? null : r.asset().contract().toBase58());
    ps.setInt(i++, r.asset().decimals());
    ps.setBigDecimal(i++, new BigDecimal(r.expectedUnits()));
    ps.setString(i++, r.matchMode().name());
    ps.setInt(i++, r.confirmation().blocks());
    // The request keeps either a relative or a fixed expiry; store whichever it has.
    Instant fixed = r.expiryFrom(Instant.EPOCH).equals(r.expiryFrom(Instant.EPOCH.plusSeconds(1)))
        ? r.expiryFrom(Instant.EPOCH) : null;
    if (fixed == null) {
      ps.setLong(i++, Duration.between(Instant.EPOCH, r.expiryFrom(Instant.EPOCH)).toNanos());
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setNull(i++, Types.BIGINT);
      ps.setLong(i++, nanos(fixed));
    }
    ps.setString(i++, MetadataJson.write(r.metadata()));
    ps.setString(i++, r.callbackUrl());
    i = bindState(ps, p, i);
    ps.setLong(i++, p.version());
    return i;
  }

  /**
   * Binds the changing columns of a payment (status to finished time) from {@code i}.
   *
   * @param ps the statement
   * @param p the payment
   * @param i the first index
   * @return the next free index
   * @throws SQLException from the driver
   */
  public static int bindState(PreparedStatement ps, Payment p, int i) throws SQLException {
    ps.setString(i++, p.status().name());
    ps.setBigDecimal(i++, new BigDecimal(p.confirmedUnits()));
    ps.setBigDecimal(i++, new BigDecimal(p.unconfirmedUnits()));
    ps.setLong(i++, nanos(p.watchedAt()));
    ps.setLong(i++, nanos(p.expiresAt()));
    ps.setLong(i++, nanos(p.updatedAt()));
    if (p.finishedAt() == null) {
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, nanos(p.finishedAt()));
    }
    return i;
  }

  /**
   * Reads a payment selected with {@link #PAYMENT_COLUMNS}.
   *
   * @param rs the row
   * @return the payment
   * @throws SQLException from the driver
   */
  public static Payment payment(ResultSet rs) throws SQLException {
    Asset asset = asset(rs.getString("asset_symbol"), rs.getString("asset_contract"),
        rs.getInt("asset_decimals"));
    PaymentRequest.Builder b = PaymentRequest.builder()
        .id(rs.getString("payment_id"))
        .orderId(rs.getString("order_id"))
        .address(Address.fromBase58(rs.getString("wallet_address")))
        .amount(asset, units(rs, "expected_units"))
        .matchMode(MatchMode.valueOf(rs.getString("match_mode")))
        .confirmation(new ConfirmationPolicy(rs.getInt("confirmation_blocks")))
        .metadata(MetadataJson.read(rs.getString("metadata")))
        .callbackUrl(rs.getString("callback_url"));
    long fixed = rs.getLong("fixed_expires_at_ns");
    if (rs.wasNull()) {
      b.expiresIn(Duration.ofNanos(rs.getLong("expires_in_ns")));
    } else {
      b.expiresAt(instant(fixed));
    }
    long finished = rs.getLong("finished_at_ns");
    Instant finishedAt = rs.wasNull() ? null : instant(finished);
    return new Payment(b.build(), PaymentStatus.valueOf(rs.getString("status")),
        units(rs, "confirmed_units"), units(rs, "unconfirmed_units"),
        instant(rs.getLong("watched_at_ns")), instant(rs.getLong("expires_at_ns")),
        instant(rs.getLong("updated_at_ns")), finishedAt, rs.getLong("version"));
  }

  /**
   * Binds a transfer's {@link #TRANSFER_COLUMNS} from index {@code from}, key last, so one
   * binding serves insert and update.
   *
   * @param ps the statement
   * @param t the record
   * @param from the first parameter index
   * @return the index after the last one bound
   * @throws SQLException from the driver
   */
  public static int bindTransfer(PreparedStatement ps, TransferRecord t, int from)
      throws SQLException {
    Transfer x = t.transfer();
    int i = from;
    ps.setString(i++, x.asset().symbol());
    ps.setString(i++, x.asset().contract() == null ? null : x.asset().contract().toBase58());
    ps.setInt(i++, x.asset().decimals());
    ps.setString(i++, x.from().toBase58());
    ps.setString(i++, x.to().toBase58());
    ps.setBigDecimal(i++, new BigDecimal(x.units()));
    ps.setLong(i++, x.blockNumber());
    ps.setString(i++, x.blockId());
    ps.setLong(i++, x.blockTimestamp());
    ps.setString(i++, t.state().name());
    ps.setString(i++, t.paymentId());
    ps.setBoolean(i++, t.late());
    ps.setString(i++, x.txId());
    ps.setInt(i++, x.logIndex());
    return i;
  }

  /**
   * Reads a transfer selected with {@link #TRANSFER_COLUMNS}.
   *
   * @param rs the row
   * @return the record
   * @throws SQLException from the driver
   */
  public static TransferRecord transfer(ResultSet rs) throws SQLException {
    Asset asset = asset(rs.getString("asset_symbol"), rs.getString("asset_contract"),
        rs.getInt("asset_decimals"));
    Transfer x = new Transfer(rs.getString("tx_id"), rs.getInt("log_index"), asset,
        Address.fromBase58(rs.getString("from_address")),
        Address.fromBase58(rs.getString("to_address")), units(rs, "units"),
        rs.getLong("block_number"), rs.getString("block_id"), rs.getLong("block_timestamp"));
    return new TransferRecord(x, TransferState.valueOf(rs.getString("state")),
        rs.getString("payment_id"), rs.getBoolean("late"));
  }

  /**
   * Binds an event's columns from index {@code from}.
   *
   * @param ps the statement
   * @param e the event
   * @param from the first parameter index
   * @return the index after the last one bound
   * @throws SQLException from the driver
   */
  public static int bindEvent(PreparedStatement ps, PaymentEvent e, int from)
      throws SQLException {
    int i = from;
    ps.setString(i++, e.eventId());
    ps.setString(i++, e.type().wireName());
    ps.setString(i++, e.paymentId());
    ps.setString(i++, e.orderId());
    ps.setString(i++, e.address().toBase58());
    ps.setString(i++, e.asset().symbol());
    ps.setString(i++, e.asset().contract() == null ? null : e.asset().contract().toBase58());
    ps.setInt(i++, e.asset().decimals());
    ps.setString(i++, e.status() == null ? null : e.status().name());
    ps.setBigDecimal(i++, new BigDecimal(e.received().units()));
    ps.setBigDecimal(i++, e.amount() == null ? null : new BigDecimal(e.amount().units()));
    ps.setString(i++, e.txId());
    ps.setInt(i++, e.logIndex());
    ps.setLong(i++, e.blockNumber());
    ps.setLong(i++, nanos(e.occurredAt()));
    return i;
  }

  /**
   * Reads an event selected with {@link #EVENT_COLUMNS}.
   *
   * @param rs the row
   * @return the event
   * @throws SQLException from the driver
   */
  public static PaymentEvent event(ResultSet rs) throws SQLException {
    Asset asset = asset(rs.getString("asset_symbol"), rs.getString("asset_contract"),
        rs.getInt("asset_decimals"));
    String status = rs.getString("status");
    BigDecimal amount = rs.getBigDecimal("amount_units");
    return new PaymentEvent(rs.getString("event_id"),
        EventType.fromWireName(rs.getString("event_type")), rs.getString("payment_id"),
        rs.getString("order_id"), Address.fromBase58(rs.getString("wallet_address")), asset,
        status == null ? null : PaymentStatus.valueOf(status),
        asset.amount(units(rs, "received_units")),
        amount == null ? null : asset.amount(amount.toBigIntegerExact()), rs.getString("tx_id"),
        rs.getInt("log_index"), rs.getLong("block_number"),
        instant(rs.getLong("occurred_at_ns")));
  }

  /**
   * The recent blocks of a cursor as text: {@code number:id:timestamp:calls} per block,
   * separated by {@code ;}.
   *
   * @param blocks the blocks
   * @return the text
   */
  public static String writeBlocks(List<ScanCursor.BlockRef> blocks) {
    StringBuilder out = new StringBuilder();
    for (ScanCursor.BlockRef b : blocks) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(b.number()).append(':').append(b.blockId()).append(':').append(b.timestamp())
          .append(':').append(b.callsContracts() ? '1' : '0');
    }
    return out.toString();
  }

  /**
   * Reads what {@link #writeBlocks} wrote.
   *
   * @param text the text
   * @return the blocks
   */
  public static List<ScanCursor.BlockRef> readBlocks(String text) {
    List<ScanCursor.BlockRef> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String part : text.split(";")) {
      String[] f = part.split(":");
      out.add(new ScanCursor.BlockRef(Long.parseLong(f[0]), f[1], Long.parseLong(f[2]),
          "1".equals(f[3])));
    }
    return out;
  }

  private static Asset asset(String symbol, String contract, int decimals) {
    return new Asset(symbol, contract == null ? null : Address.fromBase58(contract), decimals);
  }

  private static BigInteger units(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }
}
