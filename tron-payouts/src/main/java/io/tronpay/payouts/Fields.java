package io.tronpay.payouts;

import io.tronpay.core.Address;
import java.math.BigInteger;

/** Field checks shared by the builders; each failure names its field. */
final class Fields {
  private Fields() {}

  static Address address(String field, Address address) {
    if (address == null) {
      throw new InvalidFieldException(field, "is missing");
    }
    return address;
  }

  static long positive(String field, long sun) {
    if (sun <= 0) {
      throw new InvalidFieldException(field, "must be greater than 0, got " + sun);
    }
    return sun;
  }

  static BigInteger positive(String field, BigInteger units) {
    if (units == null) {
      throw new InvalidFieldException(field, "is missing");
    }
    if (units.signum() <= 0) {
      throw new InvalidFieldException(field, "must be greater than 0, got " + units);
    }
    return units;
  }

  static void different(String field, Address value, String otherField, Address other) {
    if (value.equals(other)) {
      throw new InvalidFieldException(field, "must differ from " + otherField + " "
          + other.toBase58());
    }
  }
}
