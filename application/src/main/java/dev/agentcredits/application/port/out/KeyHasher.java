package dev.agentcredits.application.port.out;

/** One-way hashing of bearer keys, so the store never holds a usable key. */
public interface KeyHasher {
  String hash(String key);
}
