package dev.agentcredits.adapter.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Failed authentications per client address, so that guessing keys costs no database reads: each
 * failed key look-up takes one from the address's budget (its {@link TokenBuckets} bucket); once
 * the budget is spent, a key from that address is answered 429 without a look-up until the budget
 * refills, unless the key authenticated on this instance within the last {@link #KNOWN_FOR}
 * nanoseconds: such a key is still looked up (a revocation is seen at once), so a client with a
 * valid key is not locked out by someone else's guesses from the same address. A new key from a
 * throttled address gets a look-up whenever the budget has one to spare.
 *
 * <p>Memory is bounded: at most {@link #MAX_TRACKED} addresses and as many known keys (kept as
 * SHA-256 digests, never the key), idle ones forgotten first; when the tables are full of live
 * entries, new addresses go untracked (looked up, as without a throttle) and new keys unknown.
 */
final class FailedAuthentications {
  static final int MAX_TRACKED = 10_000;
  static final long KNOWN_FOR = 3_600_000_000_000L;
  private static final long SWEEP_EVERY = 1_000_000_000L;
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

  private final AuthThrottle throttle;
  private final LongSupplier nanoTime;
  private final TokenBuckets failures;
  private final Map<String, Long> known = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep;

  FailedAuthentications(AuthThrottle throttle, LongSupplier nanoTime) {
    this.throttle = throttle;
    this.nanoTime = nanoTime;
    this.failures = throttle.failures().limits() ? new TokenBuckets(throttle.failures()) : null;
    this.lastSweep = new AtomicLong(nanoTime.getAsLong());
  }

  FailedAuthentications(AuthThrottle throttle) {
    this(throttle, System::nanoTime);
  }

  boolean throttles() {
    return throttle.failures().limits();
  }

  RateLimit limit() {
    return throttle.failures();
  }

  /**
   * The address requests are counted under: the socket's remote address, or, when trusted, the last
   * entry of {@code X-Forwarded-For}; an IPv6 address stands for its /64 (one host's range).
   */
  String address(String remote, String forwardedFor) {
    String address = remote == null ? "" : remote;
    if (throttle.trustForwardedFor() && forwardedFor != null && !forwardedFor.isBlank()) {
      String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
      if (!last.isEmpty()) {
        address = last;
      }
    }
    return normalize(address);
  }

  /**
   * 0 when {@code key} may be looked up for a request from {@code address}, else seconds to wait.
   */
  long admit(String address, String key) {
    if (!throttles()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    long wait = failures.peek(address, now);
    if (wait == 0) {
      return 0;
    }
    Long seen = known.get(digest(key));
    return seen != null && now - seen < KNOWN_FOR ? 0 : wait;
  }

  /** A key from {@code address} was looked up and is unknown or revoked: one from the budget. */
  void failed(String address) {
    if (!throttles()) {
      return;
    }
    long now = nanoTime.getAsLong();
    sweep(now);
    if (failures.size() >= MAX_TRACKED && !failures.tracks(address)) {
      return;
    }
    failures.take(address, now);
  }

  /** {@code key} authenticated: it may be looked up from a throttled address for a while. */
  void succeeded(String key) {
    if (!throttles()) {
      return;
    }
    long now = nanoTime.getAsLong();
    String digest = digest(key);
    Long seen = known.get(digest);
    if (seen != null && now - seen < KNOWN_FOR / 60) {
      return; // refreshed at most once a minute
    }
    sweep(now);
    if (seen != null || known.size() < MAX_TRACKED) {
      known.put(digest, now);
    }
  }

  int trackedAddresses() {
    return failures == null ? 0 : failures.size();
  }

  /** Forgets addresses whose budget is full again and keys not seen for long, once a second. */
  private void sweep(long now) {
    long last = lastSweep.get();
    if (failures.size() + known.size() < MAX_TRACKED / 2
        || now - last < SWEEP_EVERY
        || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    failures.forgetFull(now);
    known.values().removeIf(seen -> now - seen >= KNOWN_FOR);
  }

  private static String normalize(String address) {
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (IPV4.matcher(a).matches()) {
      return a;
    }
    if (IPV6.matcher(a).matches()) {
      try {
        // a literal with ':' is never looked up in DNS
        byte[] bytes = java.net.InetAddress.getByName(a).getAddress();
        if (bytes.length == 16) {
          return "v6:" + java.util.HexFormat.of().formatHex(bytes, 0, 8) + "/64";
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
      } catch (java.net.UnknownHostException e) {
        return a.toLowerCase(Locale.ROOT);
      }
    }
    return a.length() > 64 ? a.substring(0, 64) : a;
  }

  private static String digest(String key) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
