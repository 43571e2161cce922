package io.tronpay.monitor;

/**
 * When a seen transfer counts as confirmed: once its block is solidified (the default, about 19
 * blocks on mainnet), or once it is a given number of blocks deep.
 *
 * @param blocks 0 for solidified, otherwise the depth (1 = the block itself is the head)
 */
public record ConfirmationPolicy(int blocks) {
  /** Solidified blocks only. */
  public static final ConfirmationPolicy SOLIDIFIED = new ConfirmationPolicy(0);

  /** Checks the depth. */
  public ConfirmationPolicy {
    if (blocks < 0) {
      throw new InvalidPaymentRequestException("confirmation depth must not be negative, got "
          + blocks);
    }
  }

  /** Confirmed once solidified. */
  public static ConfirmationPolicy solidified() {
    return SOLIDIFIED;
  }

  /**
   * Confirmed once {@code depth} blocks deep.
   *
   * @param depth at least 1
   * @return the policy
   */
  public static ConfirmationPolicy blocks(int depth) {
    if (depth < 1) {
      throw new InvalidPaymentRequestException("confirmation depth must be at least 1, got "
          + depth);
    }
    return new ConfirmationPolicy(depth);
  }

  /** Whether this waits for solidification. */
  public boolean isSolidified() {
    return blocks == 0;
  }

  /**
   * Whether a transfer in {@code block} is confirmed.
   *
   * @param block the transfer's block
   * @param head the chain head
   * @param solid the solidified head
   * @return whether it counts as confirmed
   */
  public boolean isConfirmed(long block, long head, long solid) {
    return blocks == 0 ? block <= solid : block <= solid || head - block + 1 >= blocks;
  }

  @Override
  public String toString() {
    return blocks == 0 ? "solidified" : blocks + " blocks";
  }
}
