package io.tronpay.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonReader;
import io.tronpay.core.KeyPair;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.HdKey;
import io.tronpay.wallet.HdSigner;
import io.tronpay.wallet.Keystore;
import io.tronpay.wallet.Mnemonic;
import io.tronpay.wallet.MnemonicLanguage;
import io.tronpay.wallet.Seed;
import io.tronpay.wallet.TronAccount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okio.BufferedSource;
import okio.Okio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No known test secret may appear in a captured log line, an exception message or the
 * {@code toString()} of a secret-bearing object. A failure names the place and only the first six
 * characters of the secret.
 */
class SecretLeakCheckTest {
  /** Keystores with a costlier KDF would add seconds per wrong-password attempt for no coverage. */
  private static final int MAX_SCRYPT_N = 16_384;
  /**
   * HD derivation costs tens of milliseconds per secret and a toString() does not change shape
   * with its input, so full account derivation runs on this many seeds and phrases only.
   */
  private static final int MAX_DERIVED_ACCOUNTS = 6;

  private static List<KnownSecret> secrets;
  private static LeakScanner scanner;

  @BeforeAll
  static void collectSecrets() throws IOException {
    secrets = SecretCatalog.fromRepository(Repo.root());
    scanner = new LeakScanner(secrets);
  }

  @Test
  void catalog_collectsKeyedAndShapedSecretsFromVectorFiles() throws IOException {
    assertEquals(Set.of("privateKey", "password", "passwordUtf8Hex"),
        kindsIn("tron-wallet/src/test/resources/vectors/keystore/keystore-pbkdf2.json"));
    assertEquals(Set.of("mnemonic phrase", "hex beside a mnemonic", "extended private key"),
        kindsIn("tron-wallet/src/test/resources/vectors/bip39/trezor-vectors.json"));
    assertEquals(Set.of("seed", "xprv", "extended private key"),
        kindsIn("tron-wallet/src/test/resources/vectors/bip32/bip32-vectors.json"));
    assertEquals(Set.of("private_key"),
        kindsIn("tron-core/src/test/resources/vectors/wallet_core/message_signing.json"));
  }

  @Test
  void capturedLogs_ofEveryModule_holdNoKnownSecret() throws IOException {
    Path root = Repo.root();
    List<Leak> leaks = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.sorted().toList()) {
        leaks.addAll(scanner.scanCaptureDir(root, module.resolve("target/log-capture")));
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void publishedModules_captureTheirTestLogsAndKeepDependenciesClean() throws IOException {
    List<String> unwired = new ArrayList<>();
    for (String module : Repo.publishedModules()) {
      String pom = Files.readString(Repo.root().resolve(module).resolve("pom.xml"), StandardCharsets.UTF_8);
      if (!pom.contains("<artifactId>tron-log-capture</artifactId>")) {
        unwired.add(module + ": add io.tronpay:tron-log-capture (test scope)");
      }
      if (!pom.contains("<tronpay.analyze.failOnWarning>true</tronpay.analyze.failOnWarning>")) {
        unwired.add(module + ": set property tronpay.analyze.failOnWarning=true");
      }
    }
    assertEquals(List.of(), unwired);
  }

  @Test
  void plantedCaptureLine_withAKnownKey_isReportedByFileAndPrefixOnly(@TempDir Path dir)
      throws IOException {
    KnownSecret key = secrets.stream().filter(s -> s.kind().equals("privateKey")).findFirst().orElseThrow();
    Path capture = dir.resolve("events-1.log");
    Files.write(capture, List.of(
        "INFO io.tronpay.client.TronClient: broadcast ok",
        "DEBUG io.tronpay.wallet.HdSigner: signing with " + key.value().toUpperCase(Locale.ROOT),
        "WARN io.tronpay.core.PrivateKey: bytes " + Arrays.toString(SecretCatalog.decodeHex(key.value()))));

    List<Leak> leaks = scanner.scanCaptureDir(dir, dir);

    assertEquals(2, leaks.size(), leaks::toString);
    assertEquals("events-1.log:2", leaks.get(0).where());
    assertEquals("events-1.log:3", leaks.get(1).where());
    String report = leaks.toString();
    assertTrue(report.contains(key.value().substring(0, 6)), report);
    assertFalse(report.contains(key.value().substring(0, 7)), "the report shows 6 characters only");
  }

  @Test
  void plantedMnemonic_asWordList_isReported() {
    KnownSecret phrase = secrets.stream().filter(s -> s.kind().equals("mnemonic phrase")).findFirst().orElseThrow();
    List<String> words = Arrays.asList(phrase.value().split(" "));
    assertEquals(1, scanner.scanText("planted", "restored wallet from " + words).size());
  }

  @Test
  void keysAndKeyPairs_fromEveryTestKey_haveNoSecretInToString() {
    List<Leak> leaks = new ArrayList<>();
    for (KnownSecret secret : secrets) {
      String hex = secret.value().toLowerCase(Locale.ROOT).replaceFirst("^0x", "");
      if (!SecretCatalog.isHex(hex) || hex.length() != 64) {
        continue;
      }
      try {
        PrivateKey key = PrivateKey.fromHex(hex);
        leaks.addAll(scanner.scanText("PrivateKey.toString", key.toString()));
        leaks.addAll(scanner.scanText("KeyPair.toString", KeyPair.of(key).toString()));
        key.destroy();
        leaks.addAll(scanner.scanText("destroyed PrivateKey.toString", key.toString()));
      } catch (IllegalArgumentException e) {
        leaks.addAll(scanner.scanText("PrivateKey.fromHex exception", e.toString()));
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void seedsAndHdKeys_fromEveryTestSeed_haveNoSecretInToString() {
    List<Leak> leaks = new ArrayList<>();
    int derived = 0;
    for (KnownSecret secret : secrets) {
      String value = secret.value();
      boolean seedLike = secret.kind().toLowerCase(Locale.ROOT).contains("seed")
          || secret.kind().equals("hex beside a mnemonic");
      if (seedLike && SecretCatalog.isHex(value) && value.length() >= 32 && value.length() <= 128
          && value.length() % 2 == 0) {
        try {
          Seed seed = Seed.fromBytes(SecretCatalog.decodeHex(value));
          leaks.addAll(scanner.scanText("Seed.toString", seed.toString()));
          leaks.addAll(describeHd("HdKey.master", HdKey.master(seed)));
          if (derived++ < MAX_DERIVED_ACCOUNTS) {
            leaks.addAll(describeAccount("TronAccount.fromSeed", TronAccount.fromSeed(seed, 0)));
          }
        } catch (IllegalArgumentException e) {
          leaks.addAll(scanner.scanText("Seed/HdKey exception", e.toString()));
        }
      } else if (value.startsWith("xprv") || value.startsWith("tprv")) {
        try {
          leaks.addAll(describeHd("HdKey.parse", HdKey.parse(value)));
        } catch (IllegalArgumentException e) {
          leaks.addAll(scanner.scanText("HdKey.parse exception", e.toString()));
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void mnemonics_fromEveryTestPhrase_haveNoSecretInToStringOrParseErrors() {
    List<Leak> leaks = new ArrayList<>();
    int derived = 0;
    for (KnownSecret secret : secrets) {
      if (!SecretCatalog.isPhrase(secret.value())) {
        continue;
      }
      Mnemonic mnemonic = parseInAnyLanguage(secret.value());
      if (mnemonic != null) {
        leaks.addAll(scanner.scanText("Mnemonic.toString", mnemonic.toString()));
        if (derived++ < MAX_DERIVED_ACCOUNTS) {
          Seed seed = mnemonic.toSeed();
          leaks.addAll(scanner.scanText("Mnemonic.toSeed().toString", seed.toString()));
          leaks.addAll(describeAccount("TronAccount.fromMnemonic",
              TronAccount.fromMnemonic(mnemonic, "", 0)));
        }
        mnemonic.destroy();
        leaks.addAll(scanner.scanText("destroyed Mnemonic.toString", mnemonic.toString()));
      }
      // A phrase with one mistyped word: the error names the word, never the rest of the phrase.
      String[] words = secret.value().strip().split("[\\s\\u3000]+");
      words[words.length - 1] = "zzzzzz";
      try {
        Mnemonic.parse(String.join(" ", words));
      } catch (IllegalArgumentException e) {
        leaks.addAll(scanner.scanText("Mnemonic.parse exception", e.toString()));
      }
      // Two words swapped: the checksum fails.
      String[] swapped = secret.value().strip().split("[\\s\\u3000]+");
      String first = swapped[0];
      swapped[0] = swapped[1];
      swapped[1] = first;
      try {
        Mnemonic.parse(String.join(" ", swapped));
      } catch (IllegalArgumentException e) {
        leaks.addAll(scanner.scanText("Mnemonic.parse exception", e.toString()));
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void keystoreImport_withWrongOrRightPassword_leaksNeitherPasswordNorKey() throws IOException {
    Path dir = Repo.root().resolve("tron-wallet/src/test/resources/vectors/keystore");
    List<Leak> leaks = new ArrayList<>();
    int imported = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String keystore = rawMember(file, "keystore");
        String password = stringMember(file, "password");
        if (keystore == null || password == null || scryptN(keystore) > MAX_SCRYPT_N) {
          continue;
        }
        imported++;
        try {
          Keystore.importKey(keystore, (password + "-wrong").toCharArray());
        } catch (IllegalArgumentException e) {
          leaks.addAll(scanner.scanText("Keystore.importKey wrong password " + file.getFileName(), e.toString()));
        }
        PrivateKey key = Keystore.importKey(keystore, password.toCharArray());
        leaks.addAll(scanner.scanText("imported PrivateKey.toString", key.toString()));
        String corrupted = keystore.replaceFirst("\"ciphertext\"\\s*:\\s*\"", "\"ciphertext\":\"zz");
        try {
          Keystore.importKey(corrupted, password.toCharArray());
        } catch (IllegalArgumentException e) {
          leaks.addAll(scanner.scanText("Keystore.importKey malformed " + file.getFileName(), e.toString()));
        }
      }
    }
    assertTrue(imported >= 2, "expected the light keystore vectors, imported " + imported);
    assertEquals(List.of(), leaks);
  }

  private List<Leak> describeHd(String label, HdKey key) {
    List<Leak> leaks = new ArrayList<>(scanner.scanText(label + ".toString", key.toString()));
    leaks.addAll(scanner.scanText(label + ".neuter().toString", key.neuter().toString()));
    if (key.hasPrivateKey()) {
      leaks.addAll(scanner.scanText(label + ".privateKey().toString", key.privateKey().toString()));
    }
    return leaks;
  }

  private List<Leak> describeAccount(String label, TronAccount account) {
    List<Leak> leaks = new ArrayList<>(scanner.scanText(label + ".toString", account.toString()));
    HdSigner signer = account.signer(0, 0);
    leaks.addAll(scanner.scanText(label + ".signer.toString", signer.toString()));
    leaks.addAll(scanner.scanText(label + ".privateKey.toString", account.privateKey(0, 0).toString()));
    leaks.addAll(describeHd(label + ".key", account.key(0, 0)));
    leaks.addAll(scanner.scanText(label + ".watchOnly.toString", account.watchOnly().toString()));
    account.destroy();
    leaks.addAll(scanner.scanText("destroyed " + label + ".toString", account.toString()));
    return leaks;
  }

  private static Mnemonic parseInAnyLanguage(String phrase) {
    for (MnemonicLanguage language : MnemonicLanguage.values()) {
      try {
        return Mnemonic.parse(phrase, language);
      } catch (IllegalArgumentException e) {
        // Not this language; the next one may know the words.
      }
    }
    return null;
  }

  private static Set<String> kindsIn(String file) throws IOException {
    SecretCatalog catalog = new SecretCatalog();
    catalog.addFile(file, Repo.root().resolve(file));
    return catalog.secrets().stream().map(KnownSecret::kind).collect(Collectors.toSet());
  }

  /** The raw JSON text of a top-level member, so numbers keep their exact spelling. */
  private static String rawMember(Path file, String name) throws IOException {
    try (BufferedSource in = Okio.buffer(Okio.source(file))) {
      JsonReader reader = JsonReader.of(in);
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(name)) {
          try (BufferedSource value = reader.nextSource()) {
            return value.readUtf8();
          }
        }
        reader.skipValue();
      }
      return null;
    }
  }

  private static String stringMember(Path file, String name) throws IOException {
    try (BufferedSource in = Okio.buffer(Okio.source(file))) {
      JsonReader reader = JsonReader.of(in);
      reader.beginObject();
      while (reader.hasNext()) {
        if (reader.nextName().equals(name) && reader.peek() == JsonReader.Token.STRING) {
          return reader.nextString();
        }
        reader.skipValue();
      }
      return null;
    }
  }

  private static int scryptN(String keystore) {
    java.util.regex.Matcher n = java.util.regex.Pattern.compile("\"n\"\\s*:\\s*(\\d+)").matcher(keystore);
    return n.find() ? Integer.parseInt(n.group(1)) : 0;
  }
}
