package io.tronpay.checks;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okio.BufferedSource;
import okio.Okio;

/**
 * Collects the known test secrets from every module's JSON test vectors, so a secret added to a
 * new vector file is guarded without touching this check.
 *
 * <p>A string is a secret when its key names one (private key, mnemonic, password, passphrase,
 * seed, entropy, xprv, secret), when it has the shape of one (an extended private key, a BIP39
 * phrase), or when it is hex in the same array as a BIP39 phrase (the Trezor vector rows:
 * entropy, phrase, seed, xprv).
 */
final class SecretCatalog {
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(private_?key|privkey|mnemonic|password|passphrase|seed|entropy|xprv|secret).*");
  private static final Pattern HEX = Pattern.compile("(?i)(0x)?[0-9a-f]+");
  private static final Pattern EXTENDED_PRIVATE = Pattern.compile("[xtyzuv]prv[1-9A-HJ-NP-Za-km-z]{100,}");
  private static final Pattern PHRASE_WORD = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{M}]+");
  private static final Set<Integer> PHRASE_LENGTHS = Set.of(12, 15, 18, 21, 24);
  /** Shorter values (an empty passphrase, "TREZOR") match too much innocent text to be useful. */
  private static final int MIN_LENGTH = 8;

  private final Map<String, KnownSecret> byValue = new LinkedHashMap<>();

  /** Reads {@code <module>/src/test/resources/**}{@code /*.json} for every top-level module. */
  static List<KnownSecret> fromRepository(Path root) throws IOException {
    SecretCatalog catalog = new SecretCatalog();
    List<Path> resourceRoots = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        Path resources = module.resolve("src/test/resources");
        if (Files.isDirectory(resources)) {
          resourceRoots.add(resources);
        }
      }
    }
    for (Path resources : resourceRoots) {
      try (Stream<Path> files = Files.walk(resources)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          catalog.addFile(root.relativize(file).toString(), file);
        }
      }
    }
    return List.copyOf(catalog.byValue.values());
  }

  List<KnownSecret> secrets() {
    return List.copyOf(byValue.values());
  }

  void addFile(String source, Path file) throws IOException {
    Object tree;
    try (BufferedSource in = Okio.buffer(Okio.source(file))) {
      JsonReader reader = JsonReader.of(in);
      reader.setLenient(true);
      tree = reader.readJsonValue();
    } catch (com.squareup.moshi.JsonDataException | com.squareup.moshi.JsonEncodingException e) {
      // Not every .json under test resources is well-formed on purpose (parser tests).
      return;
    }
    walk(source, null, tree);
  }

  private void walk(String source, String key, Object node) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
        String childKey = String.valueOf(entry.getKey());
        if (!childKey.startsWith("_") || SECRET_KEY.matcher(childKey).matches()) {
          walk(source, childKey, entry.getValue());
        }
      }
    } else if (node instanceof List) {
      List<?> items = (List<?>) node;
      boolean holdsPhrase = items.stream().anyMatch(i -> i instanceof String && isPhrase((String) i));
      for (Object item : items) {
        if (holdsPhrase && item instanceof String && isHex((String) item)) {
          add(source, "hex beside a mnemonic", (String) item);
        } else {
          walk(source, key, item);
        }
      }
    } else if (node instanceof String) {
      String value = (String) node;
      if (key != null && SECRET_KEY.matcher(key).matches()) {
        add(source, key, value);
      } else if (EXTENDED_PRIVATE.matcher(value).matches()) {
        add(source, "extended private key", value);
      } else if (isPhrase(value)) {
        add(source, "mnemonic phrase", value);
      }
    }
  }

  static boolean isPhrase(String value) {
    String[] words = value.strip().split("[\\s\\u3000]+");
    if (!PHRASE_LENGTHS.contains(words.length)) {
      return false;
    }
    for (String word : words) {
      if (!PHRASE_WORD.matcher(word).matches()) {
        return false;
      }
    }
    return true;
  }

  static boolean isHex(String value) {
    return value.length() >= 2 * MIN_LENGTH && HEX.matcher(value).matches();
  }

  private void add(String source, String kind, String raw) {
    String value = raw.strip();
    if (value.length() < MIN_LENGTH || byValue.containsKey(value) || isWeakHex(value)) {
      return;
    }
    byValue.put(value, new KnownSecret(value, kind, source, forms(value)));
  }

  /**
   * Edge-case keys such as 1 or 0xff are 64 hex digits of mostly zeros: the same text as an ABI
   * word for a small amount, so they would flag innocent log lines. They are public anyway.
   */
  private static boolean isWeakHex(String value) {
    if (!isHex(value)) {
      return false;
    }
    String digits = value.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
    long distinct = digits.chars().distinct().count();
    return distinct < 6 || digits.startsWith("0000000000000000");
  }

  /** The spellings a careless log line or toString() would use, all lower case. */
  static List<String> forms(String value) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value.toLowerCase(Locale.ROOT));
    String nfkd = Normalizer.normalize(value, Normalizer.Form.NFKD);
    forms.add(nfkd.toLowerCase(Locale.ROOT));
    if (isHex(value)) {
      String digits = value.toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
      forms.add(digits);
      if (digits.length() % 2 == 0) {
        byte[] bytes = decodeHex(digits);
        forms.add(Arrays.toString(bytes));
        forms.add(Base64.getEncoder().encodeToString(bytes).toLowerCase(Locale.ROOT));
      }
    }
    if (isPhrase(value)) {
      forms.add(Arrays.asList(value.strip().split("[\\s\\u3000]+")).toString().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(forms);
  }

  static byte[] decodeHex(String digits) {
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
