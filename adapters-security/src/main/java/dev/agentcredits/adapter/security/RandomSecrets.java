package dev.agentcredits.adapter.security;

import dev.agentcredits.application.port.out.SecretGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/** Ids with 120 random bits and keys with 256, both URL-safe, from {@link SecureRandom}. */
public final class RandomSecrets implements SecretGenerator {
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final int ID_LENGTH = 24;

  private final SecureRandom random = new SecureRandom();

  @Override
  public String newId(String prefix) {
    char[] chars = new char[ID_LENGTH];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return prefix + "_" + new String(chars);
  }

  @Override
  public String newKey(String prefix) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
