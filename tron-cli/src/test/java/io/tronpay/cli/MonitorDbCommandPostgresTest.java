package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@code tron monitor db} on PostgreSQL when TRONPAY_TEST_POSTGRES_URL is set; skipped with the
 * reason otherwise, and failed when TRONPAY_REQUIRE_DATABASES=1.
 */
class MonitorDbCommandPostgresTest extends MonitorDbCommandContract {
  private static final String ENV = "TRONPAY_TEST_POSTGRES_URL";
  private static String url;

  @BeforeAll
  static void connect() {
    String candidate = System.getenv(ENV);
    String reason = null;
    if (candidate == null || candidate.isBlank()) {
      reason = ENV + " is not set; set it to a JDBC URL to run these tests";
    } else {
      try (Connection c = DriverManager.getConnection(candidate)) {
        c.isValid(5);
        url = candidate;
      } catch (SQLException e) {
        reason = "the database of " + ENV + " is unreachable: " + e.getMessage();
      }
    }
    if (reason != null) {
      if ("1".equals(System.getenv("TRONPAY_REQUIRE_DATABASES"))) {
        fail("TRONPAY_REQUIRE_DATABASES=1 but " + reason);
      }
      assumeTrue(false, reason);
    }
  }

  @Override
  String jdbcUrl(Path dir) {
    return url;
  }
}
