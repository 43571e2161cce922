package io.tronpay.wallet;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.wallet.internal.Png;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A QR code, drawn with ZXing, that renders as PNG, SVG, or terminal text made of Unicode half
 * blocks. It keeps only the module grid, not the text.
 *
 * <p>Codes made by the {@code forSecret…} factories encode secret material: anyone who photographs
 * them owns the funds. Their {@code toString()} says so, and {@link #writePng(Path)} creates their
 * files readable by the owner only where the file system supports it.
 */
public final class QrCode {
  private final boolean[][] dark;
  private final int size;
  private final int moduleSize;
  private final boolean secret;

  private QrCode(boolean[][] dark, int moduleSize, boolean secret) {
    this.dark = dark;
    this.size = dark.length;
    this.moduleSize = moduleSize;
    this.secret = secret;
  }

  /** {@code text} with {@link QrOptions#DEFAULT}. */
  public static QrCode encode(String text) {
    return encode(text, QrOptions.DEFAULT);
  }

  /**
   * {@code text} (UTF-8) with the given options.
   *
   * @throws QrException if the text is empty or too long for a QR code at that level
   */
  public static QrCode encode(String text, QrOptions options) {
    return encode(text, options, false);
  }

  private static QrCode encode(String text, QrOptions options, boolean secret) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    if (text.isEmpty()) {
      throw new QrException("cannot encode empty text as a QR code");
    }
    Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
    hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.valueOf(options.errorCorrection().name()));
    hints.put(EncodeHintType.MARGIN, 0);
    if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
      hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    }
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints);
    } catch (WriterException | IllegalArgumentException e) {
      // The message is ZXing's own and names only sizes, never the text.
      throw new QrException("text of " + text.length() + " characters does not fit a QR code at level "
          + options.errorCorrection() + (secret ? "" : ": " + e.getMessage()));
    }
    int modules = matrix.getWidth();
    int quiet = options.quietZone();
    int total = modules + 2 * quiet;
    boolean[][] grid = new boolean[total][total];
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        grid[y + quiet][x + quiet] = matrix.get(x, y);
      }
    }
    return new QrCode(grid, options.moduleSize(), secret);
  }

  /** The Base58 address, as every wallet scans it. */
  public static QrCode forAddress(Address address) {
    return encode(address.toBase58(), QrOptions.DEFAULT);
  }

  /** The Base58 address with the given options. */
  public static QrCode forAddress(Address address, QrOptions options) {
    return encode(address.toBase58(), options);
  }

  /** The plain address of the request, which every TRON wallet reads; the amount is not encoded. */
  public static QrCode forPaymentRequest(PaymentRequest request) {
    return forPaymentRequest(request, false, QrOptions.DEFAULT);
  }

  /**
   * A payment request: the plain address, or with {@code asTronUri} the {@code tron:} URI with
   * amount and token, which not every wallet reads (see {@link PaymentRequest#toUri()}).
   */
  public static QrCode forPaymentRequest(PaymentRequest request, boolean asTronUri, QrOptions options) {
    return encode(asTronUri ? request.toUri() : request.address().toBase58(), options);
  }

  /**
   * <b>Secret material:</b> the private key as 64 hex digits, for importing into a wallet. Whoever
   * sees this code controls the funds. Level M, default sizes.
   */
  public static QrCode forSecretPrivateKey(PrivateKey key) {
    return encode(key.revealSecretHex(), QrOptions.DEFAULT, true);
  }

  /**
   * <b>Secret material:</b> the mnemonic phrase, for importing into a wallet. Whoever sees this code
   * controls every account of the phrase.
   */
  public static QrCode forSecretMnemonic(Mnemonic mnemonic, QrOptions options) {
    return encode(mnemonic.revealPhrase(), options, true);
  }

  /** Whether this code encodes a private key or mnemonic. */
  public boolean isSecret() {
    return secret;
  }

  /** The side in modules, quiet zone included. */
  public int size() {
    return size;
  }

  /** Whether the module at column {@code x}, row {@code y} is dark. */
  public boolean isDark(int x, int y) {
    return dark[y][x];
  }

  /** A black-and-white PNG, one module drawn as {@code moduleSize} × {@code moduleSize} pixels. */
  public byte[] toPng() {
    int pixels = size * moduleSize;
    boolean[][] image = new boolean[pixels][pixels];
    for (int y = 0; y < pixels; y++) {
      boolean[] row = dark[y / moduleSize];
      for (int x = 0; x < pixels; x++) {
        image[y][x] = row[x / moduleSize];
      }
    }
    return Png.blackAndWhite(image, pixels, pixels);
  }

  /**
   * Writes {@link #toPng()} to {@code file}, replacing it. A secret code's new file is created
   * with owner-only permissions on POSIX file systems.
   */
  public void writePng(Path file) throws IOException {
    byte[] png = toPng();
    OpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE};
    if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
        && !Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    }
    try (OutputStream out = Files.newOutputStream(file, options)) {
      out.write(png);
    }
  }

  /** An SVG document: one path of dark modules over a white background. */
  public String toSvg() {
    int pixels = size * moduleSize;
    StringBuilder svg = new StringBuilder()
        .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(pixels)
        .append("\" height=\"").append(pixels).append("\" viewBox=\"0 0 ").append(size).append(' ')
        .append(size).append("\" shape-rendering=\"crispEdges\">\n")
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n<path fill=\"#000000\" d=\"");
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (dark[y][x]) {
          svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return svg.append("\"/>\n</svg>\n").toString();
  }

  /**
   * Terminal text for a dark background: light modules are drawn with the half blocks
   * {@code ▀ ▄ █}, two rows of modules per line, so the code keeps its square shape.
   */
  public String toTerminal() {
    return halfBlocks(true);
  }

  /** Terminal text for a light background: dark modules are drawn; see {@link #toTerminal()}. */
  public String toTerminalDarkOnLight() {
    return halfBlocks(false);
  }

  private String halfBlocks(boolean drawLight) {
    StringBuilder text = new StringBuilder();
    for (int y = 0; y < size; y += 2) {
      for (int x = 0; x < size; x++) {
        boolean top = dark[y][x] != drawLight;
        boolean bottom = y + 1 < size && dark[y + 1][x] != drawLight;
        text.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
      }
      text.append('\n');
    }
    return text.toString();
  }

  /** The size, and whether it is secret; never the content. */
  @Override
  public String toString() {
    return "QrCode[" + size + "x" + size + " modules" + (secret ? ", SECRET material" : "") + "]";
  }
}
