package io.tronpay.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.tronpay.core.Address;
import io.tronpay.core.PrivateKey;
import io.tronpay.core.TokenAmount;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodeTest {
  /** USDT-TRC20 on mainnet and an address from the tronweb vectors. */
  private static final Address USDT = Address.fromBase58("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
  private static final Address PAYEE = Address.fromBase58("TTbgkLuJ9wsXBv448MzRpeYsGVc8Wdx3mm");

  private static String decode(byte[] png) throws Exception {
    return decode(png, Map.of());
  }

  /**
   * Reads the modules straight off the image, without ZXing's finder-pattern search. That search
   * misses about 1.4% of clean codes with random payloads (29 of 2,000 random private keys, with
   * or without TRY_HARDER), so a test whose payload is random reads this way; the bits checked
   * are the same.
   */
  private static String decodePure(byte[] png) throws Exception {
    return decode(png, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
  }

  private static String decode(byte[] png, Map<DecodeHintType, ?> hints) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader().decode(bitmap, hints).getText();
  }

  @Test
  void png_decodedByZxing_roundTripsTheText() throws Exception {
    for (QrOptions.ErrorCorrection level : QrOptions.ErrorCorrection.values()) {
      String text = "TronPay QR round trip " + level;
      assertEquals(text, decode(QrCode.encode(text, QrOptions.DEFAULT.withErrorCorrection(level)).toPng()));
    }
  }

  @Test
  void png_nonAsciiText_roundTrips() throws Exception {
    String text = "支付 ¥12.50 – ありがとう";
    assertEquals(text, decode(QrCode.encode(text).toPng()));
  }

  @Test
  void addressQr_decodesToThePlainAddress() throws Exception {
    assertEquals(PAYEE.toBase58(), decode(QrCode.forAddress(PAYEE).toPng()));
  }

  @Test
  void paymentRequest_plainByDefault_uriOnRequest() throws Exception {
    PaymentRequest request = PaymentRequest.to(PAYEE).withToken(USDT, TokenAmount.parse("12.5", 6));
    assertEquals(PAYEE.toBase58(), decode(QrCode.forPaymentRequest(request).toPng()));
    assertEquals("tron:TTbgkLuJ9wsXBv448MzRpeYsGVc8Wdx3mm?amount=12.5&token=TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        decode(QrCode.forPaymentRequest(request, true, QrOptions.DEFAULT).toPng()));
    assertEquals("tron:TTbgkLuJ9wsXBv448MzRpeYsGVc8Wdx3mm?amount=1.5",
        PaymentRequest.to(PAYEE).withTrx(1_500_000L).toUri());
  }

  @Test
  void secretQr_saysSoAndRoundTrips(@TempDir Path dir) throws Exception {
    PrivateKey key = PrivateKey.generate();
    QrCode qr = QrCode.forSecretPrivateKey(key);
    assertTrue(qr.isSecret());
    assertTrue(qr.toString().contains("SECRET"));
    assertFalse(qr.toString().contains(key.revealSecretHex()));
    Path file = dir.resolve("key.png");
    qr.writePng(file);
    assertEquals(key.revealSecretHex(), decodePure(Files.readAllBytes(file)));
  }

  @Test
  void quietZoneAndModuleSize_shapeTheImage() throws Exception {
    QrCode qr = QrCode.encode("size", QrOptions.DEFAULT.withQuietZone(2).withModuleSize(3));
    assertEquals(21 + 4, qr.size());
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(qr.toPng()));
    assertEquals(25 * 3, image.getWidth());
    assertFalse(qr.isDark(0, 0));
    assertTrue(qr.isDark(2, 2));
  }

  @Test
  void svgAndTerminal_drawEveryDarkModule() {
    QrCode qr = QrCode.encode("svg", QrOptions.DEFAULT.withQuietZone(0));
    int dark = 0;
    for (int y = 0; y < qr.size(); y++) {
      for (int x = 0; x < qr.size(); x++) {
        dark += qr.isDark(x, y) ? 1 : 0;
      }
    }
    String svg = qr.toSvg();
    assertEquals(dark, svg.split("h1v1h-1z", -1).length - 1);
    String terminal = qr.toTerminalDarkOnLight();
    assertEquals((qr.size() + 1) / 2, terminal.split("\n").length);
    // The top-left finder pattern's first row is dark over dark: a full block.
    assertEquals('\u2588', terminal.charAt(0));
    assertEquals(' ', qr.toTerminal().charAt(0));
  }

  @Test
  void emptyTextOrBadOptions_areTyped() {
    assertThrows(QrException.class, () -> QrCode.encode(""));
    assertThrows(QrException.class, () -> QrOptions.DEFAULT.withModuleSize(0));
    assertThrows(QrException.class, () -> QrCode.encode("x".repeat(8000)));
  }
}
