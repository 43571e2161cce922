package io.tronpay.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * A BIP32 derivation path such as {@code m/44'/195'/0'/0/5}. Hardened steps are written with
 * {@code '}, {@code h} or {@code H}. A path that starts with {@code m} is absolute (from a master
 * key); one without, such as {@code 0/5}, is relative to whatever key it is applied to.
 */
public final class HdPath {
  /** The bit that marks a hardened child number. */
  public static final int HARDENED_BIT = 0x80000000;
  /** The largest index, hardened or not. */
  public static final int MAX_INDEX = Integer.MAX_VALUE;

  private final boolean absolute;
  private final int[] childNumbers;

  private HdPath(boolean absolute, int[] childNumbers) {
    this.absolute = absolute;
    this.childNumbers = childNumbers;
  }

  /**
   * Parses a path. Whitespace around it is ignored.
   *
   * @throws HdPathException naming the step that is empty, not a number, or above 2<sup>31</sup>-1
   */
  public static HdPath parse(String path) {
    Objects.requireNonNull(path, "path");
    String text = path.strip();
    if (text.isEmpty()) {
      throw new HdPathException("derivation path is empty");
    }
    boolean absolute = text.charAt(0) == 'm' || text.charAt(0) == 'M';
    String rest;
    if (absolute) {
      if (text.length() > 1 && text.charAt(1) != '/') {
        throw new HdPathException("derivation path must be m or start with m/, got \"" + text + "\"");
      }
      rest = text.length() > 2 ? text.substring(2) : "";
      if (text.length() == 2) {
        throw new HdPathException("derivation path \"" + text + "\" ends with an empty step");
      }
    } else {
      rest = text;
    }
    if (rest.isEmpty()) {
      return new HdPath(absolute, new int[0]);
    }
    String[] steps = rest.split("/", -1);
    int[] numbers = new int[steps.length];
    for (int i = 0; i < steps.length; i++) {
      numbers[i] = parseStep(steps[i], i + 1, text);
    }
    return new HdPath(absolute, numbers);
  }

  private static int parseStep(String step, int position, String path) {
    if (step.isEmpty()) {
      throw new HdPathException("step " + position + " of path \"" + path + "\" is empty");
    }
    char last = step.charAt(step.length() - 1);
    boolean hardened = last == '\'' || last == 'h' || last == 'H';
    String digits = hardened ? step.substring(0, step.length() - 1) : step;
    if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new HdPathException(
          "step " + position + " \"" + step + "\" of path \"" + path + "\" is not an index"
              + " (digits, optionally followed by ', h or H)");
    }
    long index = Long.parseLong(digits);
    if (index > MAX_INDEX) {
      throw new HdPathException("step " + position + " of path \"" + path + "\": index " + index
          + " is above the maximum " + MAX_INDEX + "; write a hardened index as 44' not 2147483692");
    }
    return hardened ? (int) index | HARDENED_BIT : (int) index;
  }

  /** The BIP44 path {@code m/44'/195'/account'/change/index} of TRON. */
  public static HdPath tron(int account, int change, int index) {
    return new HdPath(true, new int[] {
      hardened(44), hardened(195), hardened(account), normal(change), normal(index)
    });
  }

  /**
   * The hardened child number of {@code index}.
   *
   * @throws HdPathException if {@code index} is negative
   */
  public static int hardened(int index) {
    return checkIndex(index) | HARDENED_BIT;
  }

  /**
   * {@code index} as a normal (non-hardened) child number.
   *
   * @throws HdPathException if {@code index} is negative
   */
  public static int normal(int index) {
    return checkIndex(index);
  }

  static int checkIndex(int index) {
    if (index < 0) {
      throw new HdPathException("child index must be 0 to " + MAX_INDEX + ", got " + index);
    }
    return index;
  }

  /** Whether the path starts at the master key ({@code m/…}). */
  public boolean isAbsolute() {
    return absolute;
  }

  /** The number of steps. */
  public int length() {
    return childNumbers.length;
  }

  /** The child number of step {@code i} (from 0), with {@link #HARDENED_BIT} set if hardened. */
  public int childNumber(int i) {
    return childNumbers[i];
  }

  /** This path followed by the steps of the relative path {@code tail}. */
  public HdPath append(HdPath tail) {
    if (tail.absolute) {
      throw new HdPathException("cannot append the absolute path " + tail + " to " + this);
    }
    int[] joined = Arrays.copyOf(childNumbers, childNumbers.length + tail.childNumbers.length);
    System.arraycopy(tail.childNumbers, 0, joined, childNumbers.length, tail.childNumbers.length);
    return new HdPath(absolute, joined);
  }

  static String format(int childNumber) {
    return (childNumber & HARDENED_BIT) != 0
        ? (childNumber & MAX_INDEX) + "'"
        : Integer.toString(childNumber);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HdPath other
        && absolute == other.absolute
        && Arrays.equals(childNumbers, other.childNumbers);
  }

  @Override
  public int hashCode() {
    return 31 * Boolean.hashCode(absolute) + Arrays.hashCode(childNumbers);
  }

  /** The canonical text, with {@code '} for hardened steps: {@code m/44'/195'/0'/0/5}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(absolute ? "m" : "");
    for (int i = 0; i < childNumbers.length; i++) {
      if (absolute || i > 0) {
        text.append('/');
      }
      text.append(format(childNumbers[i]));
    }
    return text.toString();
  }
}
