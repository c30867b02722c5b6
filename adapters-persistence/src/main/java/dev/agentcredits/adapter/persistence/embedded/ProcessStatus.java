package dev.agentcredits.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a process has ended. {@link ProcessHandle#isAlive()} is also true for a process that was
 * killed but not yet reaped by its parent (a zombie, state {@code Z} in {@code /proc/<pid>/stat}),
 * which is what a killed server is for as long as PID 1 does not reap it (containers): such a
 * process is gone, it will never run or answer a signal again. Without {@code /proc} (macOS,
 * Windows), {@code isAlive()} alone decides.
 */
final class ProcessStatus {
  private static final Duration POLL = Duration.ofMillis(50);

  private ProcessStatus() {}

  /** The state letter of {@code /proc/<pid>/stat} (R, S, D, Z, ...); empty if it cannot be read. */
  static Optional<Character> state(long pid) {
    try {
      return parseState(
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The state in a {@code /proc/<pid>/stat} line, {@code "<pid> (<name>) <state> ..."}; the name
   * may hold spaces and parentheses itself, so the state follows the last {@code ')'}.
   */
  static Optional<Character> parseState(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.length() || stat.charAt(close + 1) != ' ') {
      return Optional.empty();
    }
    char state = stat.charAt(close + 2);
    return Character.isLetter(state) ? Optional.of(state) : Optional.empty();
  }

  /**
   * True when the process has exited: no longer alive, or a zombie ({@code Z}) or dead ({@code X}).
   */
  static boolean gone(ProcessHandle process) {
    if (!process.isAlive()) {
      return true;
    }
    return state(process.pid()).map(s -> s == 'Z' || s == 'X').orElse(false);
  }

  /** Waits until the process is {@link #gone}, at most {@code timeout}; true if it is. */
  static boolean awaitGone(ProcessHandle process, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!gone(process)) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(POLL);
    }
    return true;
  }
}
