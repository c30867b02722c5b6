package dev.agentcredits.bench;

/** The service being measured: where it listens, how fast it became ready, and its memory. */
interface Service extends AutoCloseable {
  String OPERATOR_KEY = "bench-operator-key-0123456789";

  int port();

  /** The service's process id for /proc, or "self" when it runs in this JVM. */
  String pid();

  /** From asking for a start until {@code GET /health/ready} first answered 200. */
  long startToReadyMillis();

  /** The peak resident set size so far, in bytes (VmHWM), and of which process. */
  Memory peakMemory();

  /** How the database and schema the service runs on are reached. */
  Database database();

  @Override
  void close();

  record Memory(long peakRssBytes, String source) {}

  /** {@code schema} null means the database's default schema. */
  record Database(String url, String user, String password, String schema) {}
}
