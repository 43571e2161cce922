package io.tronpay.monitor.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The versioned schema scripts shipped as resources beside this class. */
public final class Migrations {
  /** Script names, in order; version n is the n-th. Append only: released scripts never change. */
  public static final List<String> SCRIPTS =
      List.of("V1__initial_schema", "V2__webhook_deliveries", "V3__payments_export_index",
          "V4__transfer_confirmation_block");

  private Migrations() {}

  /** The version the shipped scripts reach. */
  public static int latestVersion() {
    return SCRIPTS.size();
  }

  /**
   * One version's statements, with the table prefix filled in.
   *
   * @param folder the dialect's folder
   * @param version 1 to {@link #latestVersion()}
   * @param prefix the table prefix
   * @return the statements, in order
   */
  public static List<String> statements(String folder, int version, String prefix) {
    String name = folder + "/" + SCRIPTS.get(version - 1) + ".sql";
    String text;
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + name + " is missing from the jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema script " + name, e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.stripLeading().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      String s = statement.strip();
      if (!s.isEmpty()) {
        out.add(s.replace("${p}", prefix));
      }
    }
    return out;
  }

  /**
   * The description of a version, from its script name.
   *
   * @param version 1 to {@link #latestVersion()}
   * @return such as {@code initial schema}
   */
  public static String description(int version) {
    String name = SCRIPTS.get(version - 1);
    return name.substring(name.indexOf("__") + 2).replace('_', ' ');
  }
}
