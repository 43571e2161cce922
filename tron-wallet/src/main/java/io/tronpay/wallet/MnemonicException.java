package io.tronpay.wallet;

/**
 * A phrase or entropy that is not a valid BIP39 mnemonic. The subclasses name the fault: a word
 * that is not in the list, a wrong word count, a failed checksum, or entropy of a wrong length.
 */
public class MnemonicException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  MnemonicException(String message) {
    super(message);
  }

  /**
   * A word that is not in the wordlist. The message gives only its position: a mistyped word is
   * usually one letter away from the real secret word, so neither it nor the suggestion may end
   * up in a log. An interactive tool can show {@link #word()} and {@link #suggestion()} to the
   * person typing the phrase.
   */
  public static final class UnknownWord extends MnemonicException {
    private static final long serialVersionUID = 1L;
    private final String word;
    private final int position;
    private final String suggestion;

    UnknownWord(String word, int position, String suggestion, MnemonicLanguage language) {
      super("word " + position + " is not in the BIP39 " + language.resourceName()
          + " wordlist");
      this.word = word;
      this.position = position;
      this.suggestion = suggestion;
    }

    /** The word as it was given (NFKD). */
    public String word() {
      return word;
    }

    /** Its position in the phrase, counting from 1. */
    public int position() {
      return position;
    }

    /** The closest word of the list. */
    public String suggestion() {
      return suggestion;
    }
  }

  /** A phrase whose length is not 12, 15, 18, 21 or 24 words. */
  public static final class WrongWordCount extends MnemonicException {
    private static final long serialVersionUID = 1L;
    private final int wordCount;

    WrongWordCount(int wordCount) {
      super("a BIP39 mnemonic has 12, 15, 18, 21 or 24 words, got " + wordCount);
      this.wordCount = wordCount;
    }

    /** The number of words given. */
    public int wordCount() {
      return wordCount;
    }
  }

  /** Every word is in the list, but the checksum bits do not match the entropy. */
  public static final class BadChecksum extends MnemonicException {
    private static final long serialVersionUID = 1L;

    BadChecksum() {
      super("BIP39 checksum does not match: a word is wrong or the words are out of order");
    }
  }

  /** Entropy that is not 16, 20, 24, 28 or 32 bytes. */
  public static final class WrongEntropyLength extends MnemonicException {
    private static final long serialVersionUID = 1L;

    WrongEntropyLength(int length) {
      super("BIP39 entropy must be 16, 20, 24, 28 or 32 bytes, got " + length);
    }
  }
}
