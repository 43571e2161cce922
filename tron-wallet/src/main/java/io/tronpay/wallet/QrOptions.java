package io.tronpay.wallet;

import java.util.Objects;

/**
 * How a QR code is drawn.
 *
 * @param errorCorrection the error-correction level
 * @param quietZone the white border, in modules (the QR specification asks for 4)
 * @param moduleSize the side of one module, in pixels, for PNG and SVG output
 */
public record QrOptions(ErrorCorrection errorCorrection, int quietZone, int moduleSize) {
  /** Level M, a 4-module quiet zone and 8-pixel modules. */
  public static final QrOptions DEFAULT = new QrOptions(ErrorCorrection.M, 4, 8);

  /** The QR error-correction levels: the share of the code that can be damaged and still read. */
  public enum ErrorCorrection {
    /** About 7 %. */
    L,
    /** About 15 %. */
    M,
    /** About 25 %. */
    Q,
    /** About 30 %. */
    H
  }

  /** Checks the values. */
  public QrOptions {
    Objects.requireNonNull(errorCorrection, "errorCorrection");
    if (quietZone < 0 || quietZone > 64) {
      throw new QrException("quiet zone must be 0 to 64 modules, got " + quietZone);
    }
    if (moduleSize < 1 || moduleSize > 100) {
      throw new QrException("module size must be 1 to 100 pixels, got " + moduleSize);
    }
  }

  /** These options with another error-correction level. */
  public QrOptions withErrorCorrection(ErrorCorrection level) {
    return new QrOptions(level, quietZone, moduleSize);
  }

  /** These options with another quiet zone, in modules. */
  public QrOptions withQuietZone(int modules) {
    return new QrOptions(errorCorrection, modules, moduleSize);
  }

  /** These options with another module size, in pixels. */
  public QrOptions withModuleSize(int pixels) {
    return new QrOptions(errorCorrection, quietZone, pixels);
  }
}
