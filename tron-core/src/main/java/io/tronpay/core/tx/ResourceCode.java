package io.tronpay.core.tx;

/** The resource a Stake 2.0 operation concerns. */
public enum ResourceCode {
  /** Bandwidth (the protocol default, number 0). */
  BANDWIDTH(0),
  /** Energy, for smart contract calls. */
  ENERGY(1),
  /** Tron Power, for voting. */
  TRON_POWER(2);

  private final int number;

  ResourceCode(int number) {
    this.number = number;
  }

  /** The protocol's enum number. */
  public int number() {
    return number;
  }

  /** The resource with this protocol number, or null. */
  public static ResourceCode forNumber(int number) {
    for (ResourceCode code : values()) {
      if (code.number == number) {
        return code;
      }
    }
    return null;
  }
}
