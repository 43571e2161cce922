package io.tronpay.testkit;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a {@link DevNode} for JUnit 5 tests. As a static {@code @RegisterExtension} field one node
 * serves the whole class; as an instance field each test gets a fresh node.
 *
 * <pre>{@code
 * @RegisterExtension
 * static DevNodeExtension devNode = DevNodeExtension.withSeed("payments");
 *
 * @Test
 * void pays() {
 *   String url = devNode.url();
 *   ...
 * }
 * }</pre>
 */
public final class DevNodeExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final DevNode.Builder builder;
  private DevNode node;
  private boolean perClass;

  private DevNodeExtension(DevNode.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  /**
   * An extension with the default configuration.
   *
   * @return the extension
   */
  public static DevNodeExtension create() {
    return new DevNodeExtension(DevNode.builder());
  }

  /**
   * An extension whose chain derives from {@code seed}.
   *
   * @param seed the seed
   * @return the extension
   */
  public static DevNodeExtension withSeed(String seed) {
    return new DevNodeExtension(DevNode.builder().seed(seed));
  }

  /**
   * An extension building its nodes with {@code builder}.
   *
   * @param builder the configuration
   * @return the extension
   */
  public static DevNodeExtension of(DevNode.Builder builder) {
    return new DevNodeExtension(builder);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    startNode();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopNode();
    perClass = false;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      startNode();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stopNode();
    }
  }

  private void startNode() {
    node = builder.build();
    node.start();
  }

  private void stopNode() {
    if (node != null) {
      node.close();
      node = null;
    }
  }

  /**
   * The running node.
   *
   * @return the node
   * @throws IllegalStateException outside a test
   */
  public DevNode node() {
    if (node == null) {
      throw new IllegalStateException("DevNode runs only while a test runs");
    }
    return node;
  }

  /**
   * The running node's base URL.
   *
   * @return the URL without a trailing slash
   */
  public String url() {
    return node().url();
  }
}
