package io.tronpay.wallet;

import io.tronpay.core.Hashes;
import io.tronpay.wallet.internal.Pbkdf2;
import io.tronpay.wallet.internal.Wordlist;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A BIP39 mnemonic phrase: a secret.
 *
 * <p>It keeps only its entropy and language; the words are rebuilt when asked for. It has no
 * {@code equals} or {@code hashCode}, its {@code toString()} shows the word count and language only,
 * the phrase leaves only through {@link #revealPhrase()}, and {@link #destroy()} zeroes the
 * entropy.
 */
public final class Mnemonic implements Destroyable {
  private static final SecureRandom DEFAULT_RANDOM = new SecureRandom();
  private static final int SEED_ITERATIONS = 2048;
  private static final int SEED_LENGTH = 64;
  private static final byte[] SALT_PREFIX = "mnemonic".getBytes(StandardCharsets.UTF_8);

  private final byte[] entropy;
  private final MnemonicLanguage language;
  private volatile boolean destroyed;

  private Mnemonic(byte[] entropy, MnemonicLanguage language) {
    this.entropy = entropy;
    this.language = language;
  }

  /**
   * A fresh English mnemonic from a shared {@link SecureRandom}.
   *
   * @param wordCount 12, 15, 18, 21 or 24
   * @throws MnemonicException.WrongWordCount for another count
   */
  public static Mnemonic generate(int wordCount) {
    return generate(wordCount, MnemonicLanguage.ENGLISH, DEFAULT_RANDOM);
  }

  /**
   * A fresh mnemonic of {@code wordCount} words in {@code language}, from {@code random}.
   *
   * @throws MnemonicException.WrongWordCount if the count is not 12, 15, 18, 21 or 24
   */
  public static Mnemonic generate(int wordCount, MnemonicLanguage language, SecureRandom random) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(random, "random");
    checkWordCount(wordCount);
    byte[] entropy = new byte[wordCount / 3 * 4];
    random.nextBytes(entropy);
    return new Mnemonic(entropy, language);
  }

  /**
   * The English mnemonic of {@code entropy} (copied).
   *
   * @throws MnemonicException.WrongEntropyLength unless it is 16, 20, 24, 28 or 32 bytes
   */
  public static Mnemonic fromEntropy(byte[] entropy) {
    return fromEntropy(entropy, MnemonicLanguage.ENGLISH);
  }

  /**
   * The mnemonic of {@code entropy} (copied) in {@code language}.
   *
   * @throws MnemonicException.WrongEntropyLength unless it is 16, 20, 24, 28 or 32 bytes
   */
  public static Mnemonic fromEntropy(byte[] entropy, MnemonicLanguage language) {
    Objects.requireNonNull(language, "language");
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new MnemonicException.WrongEntropyLength(entropy.length);
    }
    return new Mnemonic(entropy.clone(), language);
  }

  /**
   * Parses and validates an English phrase. Surrounding and repeated whitespace is tolerated and
   * the text is NFKD-normalised first.
   *
   * @throws MnemonicException naming the unknown word and its position, a wrong word count, or a
   *     failed checksum
   */
  public static Mnemonic parse(CharSequence phrase) {
    return parse(phrase, MnemonicLanguage.ENGLISH);
  }

  /**
   * Parses and validates a phrase in {@code language}; see {@link #parse(CharSequence)}.
   *
   * @throws MnemonicException naming the fault
   */
  public static Mnemonic parse(CharSequence phrase, MnemonicLanguage language) {
    Objects.requireNonNull(language, "language");
    String normalized = Normalizer.normalize(phrase, Normalizer.Form.NFKD).strip();
    // NFKD turns the ideographic space of Japanese phrases into an ordinary space.
    String[] words = normalized.isEmpty() ? new String[0] : normalized.split("\\s+");
    checkWordCount(words.length);
    Wordlist wordlist = Wordlist.of(language);
    int[] indices = new int[words.length];
    for (int i = 0; i < words.length; i++) {
      int index = wordlist.indexOfNfkd(words[i]);
      if (index < 0) {
        throw new MnemonicException.UnknownWord(
            words[i], i + 1, wordlist.closest(words[i]), language);
      }
      indices[i] = index;
    }
    int totalBits = words.length * 11;
    int checksumBits = totalBits / 33;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int i = 0; i < indices.length; i++) {
      for (int b = 0; b < 11; b++) {
        if ((indices[i] & (1 << (10 - b))) != 0) {
          int bit = i * 11 + b;
          bits[bit >>> 3] |= (byte) (0x80 >>> (bit & 7));
        }
      }
    }
    Arrays.fill(indices, 0);
    byte[] entropy = Arrays.copyOf(bits, (totalBits - checksumBits) / 8);
    int expected = checksum(entropy, checksumBits);
    int actual = (bits[entropy.length] & 0xFF) >>> (8 - checksumBits);
    Arrays.fill(bits, (byte) 0);
    if (expected != actual) {
      Arrays.fill(entropy, (byte) 0);
      throw new MnemonicException.BadChecksum();
    }
    return new Mnemonic(entropy, language);
  }

  /** Whether {@code phrase} is a valid English mnemonic; see {@link #parse(CharSequence)}. */
  public static boolean isValid(CharSequence phrase) {
    try {
      parse(phrase).destroy();
      return true;
    } catch (MnemonicException e) {
      return false;
    }
  }

  private static void checkWordCount(int wordCount) {
    if (wordCount < 12 || wordCount > 24 || wordCount % 3 != 0) {
      throw new MnemonicException.WrongWordCount(wordCount);
    }
  }

  /** The first {@code bits} bits (at most 8) of SHA-256(entropy). */
  private static int checksum(byte[] entropy, int bits) {
    return (Hashes.sha256(entropy)[0] & 0xFF) >>> (8 - bits);
  }

  /** The number of words. */
  public int wordCount() {
    return entropy.length * 3 / 4;
  }

  /** The wordlist language. */
  public MnemonicLanguage language() {
    return language;
  }

  /**
   * The phrase, words spelled as in the official list and joined with the language's separator.
   * This is the single way out for the phrase: keep the call visible.
   *
   * @throws IllegalStateException if the mnemonic was destroyed
   */
  public String revealPhrase() {
    checkNotDestroyed();
    Wordlist wordlist = Wordlist.of(language);
    int checksumBits = entropy.length / 4;
    byte[] bits = Arrays.copyOf(entropy, entropy.length + 1);
    bits[entropy.length] = (byte) (checksum(entropy, checksumBits) << (8 - checksumBits));
    StringBuilder phrase = new StringBuilder();
    int words = wordCount();
    for (int i = 0; i < words; i++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = i * 11 + b;
        index = (index << 1) | ((bits[bit >>> 3] >>> (7 - (bit & 7))) & 1);
      }
      if (i > 0) {
        phrase.append(language.separator());
      }
      phrase.append(wordlist.word(index));
    }
    Arrays.fill(bits, (byte) 0);
    return phrase.toString();
  }

  /** The BIP39 seed without a passphrase. */
  public Seed toSeed() {
    return toSeed("");
  }

  /**
   * The BIP39 seed: PBKDF2-HMAC-SHA512 of the NFKD phrase, salted with {@code "mnemonic"} and the
   * NFKD passphrase, 2048 rounds, 64 bytes.
   *
   * @param passphrase the optional BIP39 passphrase ("25th word"); empty for none
   */
  public Seed toSeed(CharSequence passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    byte[] password = utf8(Normalizer.normalize(revealPhrase(), Normalizer.Form.NFKD));
    byte[] passphraseBytes = utf8(Normalizer.normalize(passphrase, Normalizer.Form.NFKD));
    byte[] salt = new byte[SALT_PREFIX.length + passphraseBytes.length];
    System.arraycopy(SALT_PREFIX, 0, salt, 0, SALT_PREFIX.length);
    System.arraycopy(passphraseBytes, 0, salt, SALT_PREFIX.length, passphraseBytes.length);
    try {
      return Seed.wrap(Pbkdf2.hmacSha512(password, salt, SEED_ITERATIONS, SEED_LENGTH));
    } finally {
      Arrays.fill(password, (byte) 0);
      Arrays.fill(passphraseBytes, (byte) 0);
      Arrays.fill(salt, (byte) 0);
    }
  }

  private static byte[] utf8(String text) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    if (encoded.hasArray()) {
      Arrays.fill(encoded.array(), (byte) 0);
    }
    return bytes;
  }

  /** Zeroes the entropy; every later use throws {@link IllegalStateException}. */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(entropy, (byte) 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  private void checkNotDestroyed() {
    if (destroyed) {
      throw new IllegalStateException("mnemonic has been destroyed");
    }
  }

  /** Shows the word count and language only. */
  @Override
  public String toString() {
    return destroyed
        ? "Mnemonic[destroyed]"
        : "Mnemonic[" + wordCount() + " words, " + language.resourceName() + ", redacted]";
  }
}
