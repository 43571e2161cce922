/**
 * The {@code tron} command: keys, addresses, transactions, signed messages, HD wallets,
 * keystores, QR codes, node queries, payment watching, the monitor's database, sending, staking,
 * payouts and sweeps from a shell.
 *
 * <p>It is an application; {@link io.tronpay.cli.TronCli} is its only entry point. The command
 * package is opened to picocli, which fills the commands' fields by reflection.
 */
@SuppressWarnings("requires-automatic")
module io.tronpay.cli {
  requires io.tronpay.core;
  requires io.tronpay.client;
  requires io.tronpay.wallet;
  requires io.tronpay.monitor;
  requires io.tronpay.payouts;
  requires io.tronpay.testkit;
  requires java.sql;
  requires info.picocli;
  requires com.squareup.moshi;
  requires okio;

  exports io.tronpay.cli;

  opens io.tronpay.cli to info.picocli;
}
