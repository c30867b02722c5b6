package dev.agentcredits.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A killed process that nobody has reaped yet (a zombie) is gone: what a restart after a kill -9 of
 * the service and its server finds on the data directory when PID 1 does not reap.
 */
class ProcessStatusTest {
  @TempDir Path tmp;

  @Test
  void theStateIsTheLetterAfterTheLastParenthesis() {
    assertThat(ProcessStatus.parseState("4242 (postgres) S 1 4242 4242 0 -1 4194560"))
        .contains('S');
    assertThat(ProcessStatus.parseState("4242 (postgres) Z 1 4242 4242 0 -1")).contains('Z');
    assertThat(ProcessStatus.parseState("77 (odd) name (x)) R 1 77")).contains('R');
    assertThat(ProcessStatus.parseState("")).isEmpty();
    assertThat(ProcessStatus.parseState("4242 (postgres)")).isEmpty();
    assertThat(ProcessStatus.parseState("garbage")).isEmpty();
  }

  @Test
  void aRunningProcessIsNotGoneAndAMissingPidHasNoState() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
    assertThat(ProcessStatus.state(ProcessHandle.current().pid())).isPresent();
    assertThat(ProcessStatus.gone(ProcessHandle.current())).isFalse();
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    long pid = sleeper.pid();
    sleeper.destroyForcibly().waitFor();
    assertThat(ProcessStatus.state(pid)).as("reaped: no /proc entry").isEmpty();
    assertThat(ProcessStatus.gone(sleeper.toHandle())).isTrue();
  }

  @Test
  void aKilledUnreapedProcessIsGoneThoughItIsStillAlive() throws Exception {
    try (Zombie zombie = Zombie.make()) {
      ProcessHandle handle = ProcessHandle.of(zombie.pid()).orElseThrow();
      assertThat(handle.isAlive()).as("what isAlive() says of a zombie").isTrue();
      assertThat(ProcessStatus.state(zombie.pid())).contains('Z');
      assertThat(ProcessStatus.gone(handle)).isTrue();
      assertThat(ProcessStatus.awaitGone(handle, Duration.ofSeconds(1))).isTrue();
    }
  }

  @Test
  void aLockFileNamingAZombieIsClearedAtOnce() throws Exception {
    try (Zombie zombie = Zombie.make()) {
      Files.writeString(tmp.resolve("postmaster.pid"), zombie.pid() + "\n" + tmp + "\n0\n5432\n");
      long start = System.nanoTime();

      LeftoverServer.clear(tmp);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(tmp.resolve("postmaster.pid")).doesNotExist();
      assertThat(LeftoverServer.running(tmp)).isEmpty();
    }
  }

  /**
   * A child killed with SIGKILL under a parent that never waits for it: {@code sh} starts it in the
   * background and then becomes {@code sleep}, which does not reap.
   */
  record Zombie(Process parent, long pid) implements AutoCloseable {
    static Zombie make() throws IOException, InterruptedException {
      assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
      Process parent =
          new ProcessBuilder("sh", "-c", "sleep 300 & echo $!; exec sleep 60")
              .redirectErrorStream(true)
              .start();
      var out =
          new BufferedReader(
              new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII));
      long pid = Long.parseLong(out.readLine().strip());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      // the shell reaps its children until it has become sleep
      while (!Files.readString(Path.of("/proc", Long.toString(parent.pid()), "stat"))
          .contains("(sleep)")) {
        if (System.nanoTime() > deadline) {
          parent.destroyForcibly();
          throw new AssertionError("the shell did not become sleep");
        }
        Thread.sleep(10);
      }
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      while (ProcessStatus.state(pid).filter(s -> s == 'Z').isEmpty()) {
        if (System.nanoTime() > deadline) {
          parent.destroyForcibly();
          throw new AssertionError("the killed child did not become a zombie");
        }
        Thread.sleep(10);
      }
      return new Zombie(parent, pid);
    }

    @Override
    public void close() {
      parent.destroyForcibly();
    }
  }
}
