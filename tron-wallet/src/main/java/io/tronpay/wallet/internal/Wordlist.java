package io.tronpay.wallet.internal;

import io.tronpay.wallet.MnemonicLanguage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One BIP39 list of 2048 words, loaded once from the module's resources. Lookups go through the
 * NFKD form, because that is what BIP39 hashes and what a user's keyboard may produce.
 */
public final class Wordlist {
  /** The number of words in every BIP39 list. */
  public static final int SIZE = 2048;

  private static final Map<MnemonicLanguage, Wordlist> LOADED = new EnumMap<>(MnemonicLanguage.class);

  private final MnemonicLanguage language;
  private final List<String> words;
  private final List<String> nfkdWords;
  private final Map<String, Integer> indexByNfkd;

  private Wordlist(MnemonicLanguage language, List<String> words) {
    this.language = language;
    this.words = List.copyOf(words);
    List<String> normalized = new ArrayList<>(SIZE);
    Map<String, Integer> index = new HashMap<>(SIZE * 2);
    for (int i = 0; i < words.size(); i++) {
      String nfkd = Normalizer.normalize(words.get(i), Normalizer.Form.NFKD);
      normalized.add(nfkd);
      index.put(nfkd, i);
    }
    this.nfkdWords = List.copyOf(normalized);
    this.indexByNfkd = Map.copyOf(index);
  }

  /** The list for {@code language}, loaded on first use. */
  public static Wordlist of(MnemonicLanguage language) {
    synchronized (LOADED) {
      return LOADED.computeIfAbsent(language, Wordlist::load);
    }
  }

  private static Wordlist load(MnemonicLanguage language) {
    String resource = "wordlists/" + language.resourceName() + ".txt";
    try (InputStream in = Wordlist.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing BIP39 wordlist resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> words = new ArrayList<>(SIZE);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
      if (words.size() != SIZE) {
        throw new IllegalStateException(
            "BIP39 wordlist " + resource + " has " + words.size() + " words, not " + SIZE);
      }
      return new Wordlist(language, words);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read BIP39 wordlist " + resource, e);
    }
  }

  /** The language of this list. */
  public MnemonicLanguage language() {
    return language;
  }

  /** The word at {@code index}, exactly as the official list spells it. */
  public String word(int index) {
    return words.get(index);
  }

  /** The index of a word already in NFKD form, or -1. */
  public int indexOfNfkd(String nfkdWord) {
    Integer index = indexByNfkd.get(nfkdWord);
    return index == null ? -1 : index;
  }

  /** The list word closest to {@code nfkdWord} by edit distance, as it is spelled in the list. */
  public String closest(String nfkdWord) {
    int best = Integer.MAX_VALUE;
    int bestIndex = 0;
    for (int i = 0; i < SIZE; i++) {
      int distance = editDistance(nfkdWord, nfkdWords.get(i), best);
      if (distance < best) {
        best = distance;
        bestIndex = i;
      }
    }
    return words.get(bestIndex);
  }

  /** Levenshtein distance, giving up early once every cell of a row exceeds {@code limit}. */
  private static int editDistance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= limit) {
        return limit;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
