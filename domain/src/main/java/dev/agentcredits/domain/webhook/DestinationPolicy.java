package dev.agentcredits.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where deliveries may go (API.md "Alerts and webhooks"): https to public addresses only, so an
 * endpoint cannot make the service call into its own network. With {@code allowPrivate}
 * (AGENT_CREDITS_WEBHOOKS_ALLOW_PRIVATE, for tests and one-machine setups) plain http and any
 * address are allowed. Checked on the addresses the host resolves to, at registration and again
 * before every attempt.
 */
public record DestinationPolicy(boolean allowPrivate) {

  /** Why the URL itself may not be used (plain http), if it may not. */
  public Optional<String> refusal(WebhookUrl url) {
    if (!allowPrivate && !url.isHttps()) {
      return Optional.of("url must use https");
    }
    return Optional.empty();
  }

  /** Why {@code url}, whose host resolved to {@code addresses}, may not be called, if so. */
  public Optional<String> refusal(WebhookUrl url, List<InetAddress> addresses) {
    Optional<String> scheme = refusal(url);
    if (scheme.isPresent() || allowPrivate) {
      return scheme;
    }
    if (addresses.isEmpty()) {
      return Optional.of(url.host() + " resolves to no address");
    }
    for (InetAddress address : addresses) {
      Optional<String> kind = forbiddenKind(address);
      if (kind.isPresent()) {
        return Optional.of(
            "%s resolves to %s, a %s address; webhooks go to public addresses only"
                .formatted(url.host(), address.getHostAddress(), kind.get()));
      }
    }
    return Optional.empty();
  }

  /** What makes an address one of the service's own network, if it is one. */
  static Optional<String> forbiddenKind(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      return embeddedIpv4(v6).map(DestinationPolicy::forbiddenKind).orElseGet(() -> ipv6Kind(v6));
    }
    return ipv4Kind(address.getAddress());
  }

  private static Optional<String> ipv4Kind(byte[] a) {
    int first = a[0] & 0xff;
    int second = a[1] & 0xff;
    if (first == 0) {
      return Optional.of("unspecified");
    }
    if (first == 127) {
      return Optional.of("loopback");
    }
    if (first == 10
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168)) {
      return Optional.of("private");
    }
    if (first == 100 && second >= 64 && second <= 127) {
      return Optional.of("shared (carrier-grade NAT)");
    }
    if (first == 169 && second == 254) {
      return Optional.of("link-local");
    }
    if (first >= 224) {
      return Optional.of(first < 240 ? "multicast" : "reserved");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6Kind(Inet6Address address) {
    byte[] a = address.getAddress();
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("loopback");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local");
    }
    if ((a[0] & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
      return Optional.of("private");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast");
    }
    return Optional.empty();
  }

  /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::/96) one. */
  private static Optional<InetAddress> embeddedIpv4(Inet6Address address) {
    byte[] a = address.getAddress();
    boolean nat64 =
        (a[0] & 0xff) == 0x00
            && (a[1] & 0xff) == 0x64
            && (a[2] & 0xff) == 0xff
            && (a[3] & 0xff) == 0x9b
            && allZero(a, 4, 12);
    boolean compatible = allZero(a, 0, 12) && !allZero(a, 12, 15);
    if (!nat64 && !compatible) {
      return Optional.empty();
    }
    try {
      return Optional.of(Inet4Address.getByAddress(new byte[] {a[12], a[13], a[14], a[15]}));
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an IPv4 address", e);
    }
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
