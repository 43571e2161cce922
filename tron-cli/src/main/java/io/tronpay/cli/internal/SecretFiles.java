package io.tronpay.cli.internal;

import io.tronpay.core.KeyFormatException;
import io.tronpay.core.PrivateKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads and writes files that hold a secret. Error messages name the file and the fault, never
 * the content.
 */
public final class SecretFiles {
  /** A hex key with a newline and some slack; anything larger is not a key file. */
  private static final int MAX_KEY_FILE_BYTES = 1024;
  /** The longest 24-word phrase is under 250 bytes; passwords and passphrases fit easily too. */
  private static final int MAX_SECRET_TEXT_BYTES = 4096;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private SecretFiles() {}

  /**
   * Reads a hex private key from {@code source}, a path or {@code -} for {@code stdin}.
   *
   * @param warnings receives a line if the file can be read by other users
   * @throws CliInputException if the file cannot be read or holds no valid key
   */
  public static PrivateKey readPrivateKey(String source, InputStream stdin,
      Consumer<String> warnings) {
    String where = "-".equals(source) ? "standard input" : "key file " + source;
    byte[] content = "-".equals(source) ? readStdin(stdin) : readFile(source, warnings);
    try {
      return PrivateKey.fromHex(new String(content, StandardCharsets.US_ASCII));
    } catch (KeyFormatException e) {
      // Core's key messages never echo the digits, so the fault can be named safely.
      throw new CliInputException(where + ": " + e.getMessage());
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static byte[] readStdin(InputStream stdin) {
    try {
      byte[] content = stdin.readNBytes(MAX_KEY_FILE_BYTES + 1);
      if (content.length > MAX_KEY_FILE_BYTES) {
        Arrays.fill(content, (byte) 0);
        throw new CliInputException("standard input: more than " + MAX_KEY_FILE_BYTES
            + " bytes, not a hex private key");
      }
      return content;
    } catch (IOException e) {
      throw new CliInputException("cannot read standard input: " + e.getClass().getSimpleName());
    }
  }

  private static byte[] readFile(String name, Consumer<String> warnings) {
    Path path = Path.of(name);
    try {
      if (Files.size(path) > MAX_KEY_FILE_BYTES) {
        throw new CliInputException("key file " + name + " is larger than "
            + MAX_KEY_FILE_BYTES + " bytes, not a hex private key");
      }
      warnIfShared(path, "key file " + name, warnings);
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CliInputException("key file " + name + " does not exist");
    } catch (AccessDeniedException e) {
      throw new CliInputException("key file " + name + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new CliInputException(
          "key file " + name + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static void warnIfShared(Path path, String what, Consumer<String> warnings)
      throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions = view.readAttributes().permissions();
    if (permissions.contains(PosixFilePermission.GROUP_READ)
        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
      warnings.accept(what + " can be read by other users; restrict it with chmod 600");
    }
  }

  /**
   * Reads a secret text (a mnemonic, passphrase or password) from {@code source}, a path or
   * {@code -} for {@code stdin}, as UTF-8. One final line ending is dropped; other whitespace is
   * kept, because a passphrase may begin or end with spaces. The caller zeroes the result.
   *
   * @param what names the secret in messages, for example "mnemonic file"
   * @param warnings receives a line if the file can be read by other users
   * @throws CliInputException if the source cannot be read, is too large or is not UTF-8
   */
  public static char[] readSecretText(String source, InputStream stdin, String what,
      Consumer<String> warnings) {
    String where = "-".equals(source) ? what + " on standard input" : what + " " + source;
    byte[] content = "-".equals(source)
        ? readLimited(stdin, where)
        : readSecretFile(Path.of(source), where, warnings);
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      int end = chars.limit();
      if (end > 0 && chars.get(end - 1) == '\n') {
        end--;
        if (end > 0 && chars.get(end - 1) == '\r') {
          end--;
        }
      }
      char[] text = new char[end];
      chars.get(text, 0, end);
      if (chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
      return text;
    } catch (CharacterCodingException e) {
      throw new CliInputException(where + " is not UTF-8 text");
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  private static byte[] readLimited(InputStream stdin, String where) {
    try {
      byte[] content = stdin.readNBytes(MAX_SECRET_TEXT_BYTES + 1);
      if (content.length > MAX_SECRET_TEXT_BYTES) {
        Arrays.fill(content, (byte) 0);
        throw new CliInputException(where + " is larger than " + MAX_SECRET_TEXT_BYTES + " bytes");
      }
      return content;
    } catch (IOException e) {
      throw new CliInputException("cannot read " + where + ": " + e.getClass().getSimpleName());
    }
  }

  private static byte[] readSecretFile(Path path, String where, Consumer<String> warnings) {
    try {
      if (Files.size(path) > MAX_SECRET_TEXT_BYTES) {
        throw new CliInputException(where + " is larger than " + MAX_SECRET_TEXT_BYTES + " bytes");
      }
      warnIfShared(path, where, warnings);
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new CliInputException(where + " does not exist");
    } catch (AccessDeniedException e) {
      throw new CliInputException(where + " cannot be read: permission denied");
    } catch (IOException e) {
      throw new CliInputException(where + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Writes {@code key} as lowercase hex and a newline to a new owner-only file, the format that
   * {@link #readPrivateKey} reads; see {@link #createOwnerOnly}.
   */
  public static void writePrivateKey(Path path, PrivateKey key) {
    byte[] secret = key.revealSecretBytes();
    byte[] content = new byte[secret.length * 2 + 1];
    try {
      // Hex is built in a byte array rather than a String so that it can be zeroed afterwards.
      for (int i = 0; i < secret.length; i++) {
        content[2 * i] = HEX_DIGITS[(secret[i] >> 4) & 0xF];
        content[2 * i + 1] = HEX_DIGITS[secret[i] & 0xF];
      }
      content[content.length - 1] = '\n';
      createOwnerOnly(path, content);
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Creates {@code path} readable and writable by its owner only and writes {@code content}.
   *
   * <p>The permissions are given to the create call itself, so the file never exists with wider
   * ones, not even for a moment. An existing file is never replaced. If writing fails, the
   * partial file is removed.
   *
   * @throws CliInputException if the file exists or cannot be created
   */
  public static void createOwnerOnly(Path path, byte[] content) {
    Set<StandardOpenOption> options =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews()
        .contains("posix");
    FileAttribute<?>[] attributes = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
        : new FileAttribute<?>[0];
    FileChannel channel;
    try {
      channel = FileChannel.open(path, options, attributes);
    } catch (FileAlreadyExistsException e) {
      throw new CliInputException(path + " already exists; refusing to overwrite it");
    } catch (NoSuchFileException e) {
      throw new CliInputException("cannot create " + path + ": its directory does not exist");
    } catch (AccessDeniedException e) {
      throw new CliInputException("cannot create " + path + ": permission denied");
    } catch (IOException e) {
      throw new CliInputException("cannot create " + path + ": " + e.getClass().getSimpleName());
    }
    try (channel) {
      if (!posix) {
        restrictWithoutPosix(path);
      }
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException e) {
      deleteQuietly(path);
      throw new CliInputException("cannot write " + path + ": " + e.getClass().getSimpleName());
    }
  }

  /** Best effort where POSIX permissions do not exist (Windows): owner-only via java.io. */
  private static void restrictWithoutPosix(Path path) {
    java.io.File file = path.toFile();
    boolean restricted = file.setReadable(false, false) && file.setReadable(true, true)
        && file.setWritable(false, false) && file.setWritable(true, true);
    if (!restricted) {
      deleteQuietly(path);
      throw new CliInputException("cannot restrict " + path + " to its owner");
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // The original failure is what the user needs to hear about.
    }
  }
}
