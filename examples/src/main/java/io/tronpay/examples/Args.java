package io.tronpay.examples;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of a recipe. Recipes never take a secret as an option value,
 * because argv is visible to every user of the machine; they take a file name instead.
 */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  private Args() {}

  /** Thrown for an option the recipe does not know or one without its value. */
  static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Args parse(String[] args, Set<String> known) {
    Args parsed = new Args();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (!known.contains(name)) {
        throw new UsageException("unknown option " + name + "; expected one of " + known);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("option " + name + " needs a value");
      }
      parsed.values.put(name, args[++i]);
    }
    return parsed;
  }

  String get(String name) {
    return values.get(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int getInt(String name, int fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException("option " + name + " needs a whole number, got '" + value + "'");
    }
  }
}
