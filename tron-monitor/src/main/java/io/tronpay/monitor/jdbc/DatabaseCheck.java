package io.tronpay.monitor.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * What {@link JdbcPaymentStore#check()} found: whether the database answers, what it is, and
 * whether its schema is the one this library needs.
 *
 * @param reachable whether a connection could be opened
 * @param product the database product name, such as {@code PostgreSQL}, or null if unreachable
 * @param productVersion its version, or null if unreachable
 * @param schemaVersion the schema version the database holds: 0 before the first migration, -1
 *     when it cannot be told (unreachable, or a version is half-applied)
 * @param latestSchemaVersion the version this library needs
 * @param pendingMigrations the versions {@link JdbcPaymentStore#migrate()} would apply, each as
 *     {@code "3 payments export index"}
 * @param problem why the schema cannot be used as it is (unreachable, half-applied, newer than
 *     this library), or null
 */
public record DatabaseCheck(
    boolean reachable,
    String product,
    String productVersion,
    int schemaVersion,
    int latestSchemaVersion,
    List<String> pendingMigrations,
    String problem) {
  /** Copies the list. */
  public DatabaseCheck {
    pendingMigrations = List.copyOf(Objects.requireNonNull(pendingMigrations,
        "pendingMigrations"));
  }

  /** Whether the store can run on this database as it is: reachable, no problem, no migration due. */
  public boolean isCurrent() {
    return reachable && problem == null && schemaVersion == latestSchemaVersion;
  }
}
