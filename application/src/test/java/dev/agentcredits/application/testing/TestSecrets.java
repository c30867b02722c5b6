package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.KeyHasher;
import dev.agentcredits.application.port.out.SecretGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Random ids and keys, and a SHA-256 key hash, for tests that need no real security adapter. */
public final class TestSecrets implements SecretGenerator, KeyHasher {
  @Override
  public String newId(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  @Override
  public String newKey(String prefix) {
    return prefix + "_" + UUID.randomUUID() + UUID.randomUUID();
  }

  @Override
  public String hash(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
