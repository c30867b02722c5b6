package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.RequestKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A command sent under a caller's key (null: sent without one), with the fingerprint of what it
 * asks: the same key with another fingerprint is another request.
 */
record Keyed<C>(C command, Caller caller, RequestKey key, String fingerprint) {
  Keyed {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** {@code request}: what the command asks, the caller and the key aside. */
  static <C> Keyed<C> of(C command, Caller caller, RequestKey key, String... request) {
    return new Keyed<>(command, caller, key, fingerprint(request));
  }

  /** The key as the store keeps it; null without one. */
  String scopedKey() {
    return key == null ? null : key.scopedTo(caller);
  }

  /** SHA-256 of the parts, each preceded by its length so that no two lists read alike. */
  static String fingerprint(String... parts) {
    StringBuilder text = new StringBuilder();
    for (String part : parts) {
      text.append(part == null ? "-" : part.length() + ":" + part).append(';');
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
