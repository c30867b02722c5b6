package dev.agentcredits.application.service.runs;

/** Waits a little before trying again while another request's reload is being paid. */
final class Pause {
  private Pause() {}

  static void briefly(int attempt) {
    try {
      Thread.sleep(Math.min(200L, 10L << Math.min(attempt, 5)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an auto-reload", e);
    }
  }
}
