package io.tronpay.wallet;

/**
 * The official BIP39 wordlists this module ships, copied unchanged from the bitcoin/bips
 * repository ({@code bip-0039/*.txt}).
 */
public enum MnemonicLanguage {
  /** English, the list every wallet reads; the default. */
  ENGLISH("english", " "),
  /** Japanese; its words are joined with the ideographic space U+3000, as BIP39 asks. */
  JAPANESE("japanese", "\u3000"),
  /** Korean. */
  KOREAN("korean", " "),
  /** Spanish. */
  SPANISH("spanish", " "),
  /** Chinese, simplified characters. */
  CHINESE_SIMPLIFIED("chinese_simplified", " "),
  /** Chinese, traditional characters. */
  CHINESE_TRADITIONAL("chinese_traditional", " "),
  /** French. */
  FRENCH("french", " "),
  /** Italian. */
  ITALIAN("italian", " "),
  /** Czech. */
  CZECH("czech", " "),
  /** Portuguese. */
  PORTUGUESE("portuguese", " ");

  private final String resourceName;
  private final String separator;

  MnemonicLanguage(String resourceName, String separator) {
    this.resourceName = resourceName;
    this.separator = separator;
  }

  /** The file name of the list in the bitcoin/bips repository, without {@code .txt}. */
  public String resourceName() {
    return resourceName;
  }

  /** The text that joins the words of a phrase in this language. */
  public String separator() {
    return separator;
  }
}
