package io.tronpay.cli;

import picocli.CommandLine.Command;

/** {@code tron monitor}: the payment monitor's own tools; today its database ({@code db}). */
@Command(
    name = "monitor",
    description = "The payment monitor's database: migrate, check, stats, export, cleanup, "
        + "dead letters.",
    mixinStandardHelpOptions = true,
    subcommands = {DbCommand.class})
final class MonitorCommand {}
