package io.tronpay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCommandTest {
  /** The mainnet USDT contract, as tronweb and TronScan show it. */
  private static final String TEXT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";

  @TempDir
  Path dir;

  @Test
  void png_decodesBackToTheText() throws Exception {
    Path png = dir.resolve("address.png");

    Cli.Result result = Cli.run("qr", TEXT, "--png", png.toString(), "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(png.toString(), result.json().get("file"));
    assertEquals(TEXT, decode(png));
  }

  @Test
  void svg_isAnSvgDocument() throws IOException {
    Path svg = dir.resolve("address.svg");

    Cli.Result result = Cli.run("qr", TEXT, "--svg", svg.toString());

    assertEquals(0, result.exitCode(), result.err());
    String document = Files.readString(svg);
    assertTrue(document.startsWith("<?xml"), document);
    assertTrue(document.contains("<svg"), document);
  }

  @Test
  void terminal_drawsHalfBlocksOnStdout() {
    Cli.Result result = Cli.run("qr", TEXT, "--terminal");

    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().contains("\u2580") || result.out().contains("\u2584"), result.out());
  }

  @Test
  void existingFile_isNeverReplaced() throws IOException {
    Path png = dir.resolve("address.png");
    Files.writeString(png, "keep");

    Cli.Result result = Cli.run("qr", TEXT, "--png", png.toString());

    assertEquals(1, result.exitCode());
    assertEquals("keep", Files.readString(png));
  }

  @Test
  void noOutput_orTwoOutputs_isAUsageError() {
    assertEquals(2, Cli.run("qr", TEXT).exitCode());
    assertEquals(2, Cli.run("qr", TEXT, "--terminal", "--svg", "x.svg").exitCode());
  }

  private static String decode(Path png) throws Exception {
    BufferedImage image = ImageIO.read(png.toFile());
    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0,
        image.getWidth());
    RGBLuminanceSource source =
        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
  }
}
