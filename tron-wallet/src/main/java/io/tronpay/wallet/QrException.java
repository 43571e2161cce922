package io.tronpay.wallet;

/** Text or options that cannot become a QR code (too long, empty, or out-of-range options). */
public final class QrException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  QrException(String message) {
    super(message);
  }
}
