package dev.agentcredits.adapter.rest;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C trace context: the trace id of a valid {@code traceparent} header is kept, otherwise a new
 * one is made; the answer carries a {@code traceparent} with our own span id.
 */
record Trace(String traceId, String spanId, String flags) {
  private static final Pattern TRACEPARENT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
  private static final String ZERO_TRACE = "0".repeat(32);
  private static final String ZERO_SPAN = "0".repeat(16);
  private static final SecureRandom RANDOM = new SecureRandom();

  static Trace from(String traceparent) {
    String span = randomHex(8);
    if (traceparent != null) {
      Matcher m = TRACEPARENT.matcher(traceparent.trim().toLowerCase(Locale.ROOT));
      if (m.matches() && valid(m)) {
        return new Trace(m.group(2), span, m.group(4));
      }
    }
    return new Trace(randomHex(16), span, "00");
  }

  private static boolean valid(Matcher m) {
    String version = m.group(1);
    if (version.equals("ff")) {
      return false;
    }
    // version 00 has exactly four fields; later versions may add more
    if (version.equals("00") && m.group(5) != null) {
      return false;
    }
    return !m.group(2).equals(ZERO_TRACE) && !m.group(3).equals(ZERO_SPAN);
  }

  String traceparent() {
    return "00-" + traceId + "-" + spanId + "-" + flags;
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
