package io.tronpay.cli.internal;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import io.tronpay.core.Trx;
import io.tronpay.core.tx.ResourceCode;
import io.tronpay.core.tx.Vote;
import io.tronpay.payouts.InvalidFieldException;
import io.tronpay.payouts.ReferenceBlock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the values of the transaction commands' options. Each error names the option and, for
 * values that are not secret, repeats what was given, so the user sees which flag to fix.
 */
public final class TxInputs {
  private TxInputs() {}

  /**
   * A TRON address in any of its forms ({@code T…}, {@code 41…}, {@code 0x…}).
   *
   * @param text the value given
   * @param option the option's name, such as {@code --to}
   * @return the address
   * @throws CliInputException naming the option
   */
  public static Address address(String text, String option) {
    try {
      return Address.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CliInputException(option + " " + text + " is not a TRON address: "
          + e.getMessage());
    }
  }

  /**
   * An exact, positive amount of TRX in sun.
   *
   * @param text decimal TRX such as {@code 12.5}
   * @param option the option's name
   * @return sun, greater than 0
   * @throws CliInputException naming the option
   */
  public static long trxSun(String text, String option) {
    long sun;
    try {
      sun = Trx.parseSun(text.strip());
    } catch (IllegalArgumentException e) {
      throw new CliInputException(option + " " + text + " is not an amount of TRX: "
          + e.getMessage());
    }
    if (sun <= 0) {
      throw new CliInputException(option + " must be greater than 0, got " + text);
    }
    return sun;
  }

  /**
   * An exact, positive amount of a token.
   *
   * @param text decimal units such as {@code 12.34}
   * @param decimals the token's decimals
   * @param option the option's name
   * @param symbol the token's name for messages
   * @return the amount, greater than 0
   * @throws CliInputException naming the option
   */
  public static TokenAmount tokenAmount(String text, int decimals, String option, String symbol) {
    TokenAmount amount;
    try {
      amount = TokenAmount.parse(text.strip(), decimals);
    } catch (IllegalArgumentException e) {
      throw new CliInputException(option + " " + text + " is not an amount of " + symbol + ": "
          + e.getMessage());
    }
    if (amount.isZero()) {
      throw new CliInputException(option + " must be greater than 0, got " + text);
    }
    return amount;
  }

  /**
   * {@code energy} or {@code bandwidth}, in any case.
   *
   * @param text the value given
   * @param option the option's name
   * @return the resource
   * @throws CliInputException naming the option
   */
  public static ResourceCode resource(String text, String option) {
    switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "ENERGY":
        return ResourceCode.ENERGY;
      case "BANDWIDTH":
        return ResourceCode.BANDWIDTH;
      default:
        throw new CliInputException(option + " must be energy or bandwidth, got '" + text + "'");
    }
  }

  /**
   * One vote, {@code WITNESS=COUNT}.
   *
   * @param text the value given
   * @param position where it stands among the votes, from 1, for messages
   * @return the vote
   * @throws CliInputException naming the vote
   */
  public static Vote vote(String text, int position) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw new CliInputException("vote " + position + " '" + text
          + "' is not WITNESS=COUNT");
    }
    Address witness = address(text.substring(0, equals), "vote " + position + " witness");
    String countText = text.substring(equals + 1).strip();
    long count;
    try {
      count = Long.parseLong(countText);
    } catch (NumberFormatException e) {
      throw new CliInputException("vote " + position + " count '" + countText
          + "' is not a whole number");
    }
    if (count <= 0) {
      throw new CliInputException("vote " + position + " count must be greater than 0, got "
          + count);
    }
    return new Vote(witness, count);
  }

  /**
   * The reference block of an offline transaction: {@code NUM:BLOCKID} or the 64-hex-digit
   * block id alone (its first 8 bytes are the height), as {@code tron node block} prints them.
   *
   * @param text the value given
   * @param timestamp the transaction's time, epoch milliseconds
   * @param option the option's name
   * @return the reference
   * @throws CliInputException naming the option
   */
  public static ReferenceBlock referenceBlock(String text, long timestamp, String option) {
    String value = text.strip();
    int colon = value.indexOf(':');
    String idHex = colon < 0 ? value : value.substring(colon + 1).strip();
    if (idHex.startsWith("0x") || idHex.startsWith("0X")) {
      idHex = idHex.substring(2);
    }
    if (!idHex.matches("[0-9a-fA-F]{64}")) {
      throw new CliInputException(option + " must be NUM:BLOCKID or BLOCKID, with the block id "
          + "as 64 hex digits, got '" + text + "'");
    }
    long number;
    if (colon < 0) {
      number = Long.parseUnsignedLong(idHex.substring(0, 16), 16);
    } else {
      try {
        number = Long.parseLong(value.substring(0, colon).strip());
      } catch (NumberFormatException e) {
        throw new CliInputException(option + " block number '" + value.substring(0, colon)
            + "' is not a whole number");
      }
    }
    try {
      return ReferenceBlock.of(number, idHex, timestamp);
    } catch (InvalidFieldException e) {
      throw new CliInputException(option + " " + text + ": " + e.getMessage());
    }
  }

  /**
   * A point in time: epoch milliseconds or ISO-8601 ({@code 2026-05-01T12:00:00Z}).
   *
   * @param text the value given
   * @param option the option's name
   * @return epoch milliseconds, positive
   * @throws CliInputException naming the option
   */
  public static long epochMillis(String text, String option) {
    String value = text.strip();
    long millis;
    if (value.matches("\\d{1,18}")) {
      millis = Long.parseLong(value);
    } else {
      try {
        millis = Instant.parse(value).toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new CliInputException(option + " must be epoch milliseconds or an ISO-8601 time "
            + "such as 2026-05-01T12:00:00Z, got '" + text + "'");
      }
    }
    if (millis <= 0) {
      throw new CliInputException(option + " must be after 1970, got '" + text + "'");
    }
    return millis;
  }
}
