package dev.agentcredits.application.port.out;

/** New ids and key secrets. */
public interface SecretGenerator {
  /** An opaque id such as {@code run_8f3k...}. */
  String newId(String prefix);

  /** A bearer key with enough entropy that hashing it without salt is safe. */
  String newKey(String prefix);
}
