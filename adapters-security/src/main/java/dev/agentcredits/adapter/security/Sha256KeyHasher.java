package dev.agentcredits.adapter.security;

import dev.agentcredits.application.port.out.KeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of the key. Keys carry 256 random bits, so an unsalted fast hash cannot be reversed by
 * guessing, and it lets a key be found by its hash with one indexed look-up.
 */
public final class Sha256KeyHasher implements KeyHasher {
  @Override
  public String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
