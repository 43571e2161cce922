package io.tronpay.monitor.internal.webhook;

import io.tronpay.monitor.webhook.RefusedWebhookUrlException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.Dns;

/**
 * Keeps webhook deliveries off the host's own network (SSRF): http(s) only, an optional host
 * allowlist, and no private, loopback, link-local or otherwise internal address unless allowed.
 * As an OkHttp {@link Dns} it checks the addresses actually connected to, so a name that
 * resolves differently after the check (DNS rebinding) is refused too.
 */
public final class UrlGuard implements Dns {
  private final Set<String> allowedHosts;
  private final boolean allowPrivate;

  /**
   * A guard.
   *
   * @param allowedHosts lower-case host names allowed, or empty for any public host
   * @param allowPrivate whether internal addresses are allowed (tests, private deployments)
   */
  public UrlGuard(Set<String> allowedHosts, boolean allowPrivate) {
    this.allowedHosts = Set.copyOf(allowedHosts);
    this.allowPrivate = allowPrivate;
  }

  /**
   * Checks a URL before anything is sent.
   *
   * @param url the URL
   * @throws RefusedWebhookUrlException naming the rule that refuses it
   */
  public void check(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new RefusedWebhookUrlException("webhook URL is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RefusedWebhookUrlException("webhook URL scheme '" + scheme
          + "' is refused: only http and https");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      throw new RefusedWebhookUrlException("webhook URL has no host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
      throw new RefusedWebhookUrlException("webhook host '" + host + "' is not in the allowlist");
    }
    try {
      lookup(host);
    } catch (UnknownHostException e) {
      if (e instanceof RefusedHostException) {
        throw new RefusedWebhookUrlException(e.getMessage());
      }
      // An unknown name is a delivery failure, retried later; only internal addresses refuse.
    }
  }

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getAllByName(hostname)));
    if (!allowPrivate) {
      for (InetAddress a : addresses) {
        String kind = internalKind(a);
        if (kind != null) {
          throw new RefusedHostException("webhook host '" + hostname + "' resolves to " + kind
              + " address " + a.getHostAddress() + ", refused (SSRF guard)");
        }
      }
    }
    return addresses;
  }

  /**
   * Why an address counts as internal.
   *
   * @param a the address
   * @return such as {@code loopback}, or null for a public address
   */
  static String internalKind(InetAddress a) {
    if (a.isLoopbackAddress()) {
      return "a loopback";
    }
    if (a.isAnyLocalAddress()) {
      return "a wildcard";
    }
    if (a.isLinkLocalAddress()) {
      return "a link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "a private";
    }
    if (a.isMulticastAddress()) {
      return "a multicast";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 100 && second >= 64 && second < 128) {
        return "a carrier-grade NAT";
      }
      if (first == 0 || first >= 240) {
        return "a reserved";
      }
    }
    if (a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc) {
      return "a unique-local";
    }
    return null;
  }

  /** A name that resolves to an internal address. */
  static final class RefusedHostException extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    RefusedHostException(String message) {
      super(message);
    }
  }
}
