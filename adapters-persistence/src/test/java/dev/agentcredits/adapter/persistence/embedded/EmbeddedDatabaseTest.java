package dev.agentcredits.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's lifecycle: durable settings, one owner, stale locks, self-restart. */
class EmbeddedDatabaseTest {
  @TempDir Path tmp;

  @Test
  void theServerCommitsDurablyAndIsTheMajorVersionItIsTakenFor() throws SQLException {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("data"))) {
      assertThat(show(db, "fsync")).isEqualTo("on");
      assertThat(show(db, "synchronous_commit")).isEqualTo("on");
      assertThat(show(db, "full_page_writes")).isEqualTo("on");
      assertThat(Integer.parseInt(show(db, "server_version_num")) / 10_000)
          .isEqualTo(EmbeddedDatabase.MAJOR_VERSION);
    }
  }

  @Test
  void aSecondServiceOnTheSameDirectoryIsRefusedAndChangesNothing()
      throws SQLException, IOException {
    Path data = tmp.resolve("data");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(data)) {
      execute(first, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)");
      List<String> before = listing(data);
      long pid = ProcessHandle.current().pid();

      assertThatThrownBy(() -> EmbeddedDatabase.start(data))
          .isInstanceOf(EmbeddedDatabaseException.class)
          .hasMessageContaining(data.toAbsolutePath().toString())
          .hasMessageContaining("is in use by another Agent Credits service (PID " + pid + ",");

      assertThat(listing(data)).isEqualTo(before);
      assertThat(show(first, "fsync")).isEqualTo("on");
      assertThat(query(first, "SELECT count(*) FROM kept")).isEqualTo("1");
    }
  }

  @Test
  void aStaleServerLockWhosePidIsNowAnotherProcessIsCleared() throws Exception {
    Path data = tmp.resolve("data");
    try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
      execute(db, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
    }
    Process unrelated = new ProcessBuilder("sleep", "60").start();
    try {
      // what a server killed with -9 leaves, once its PID went to another process
      Files.writeString(
          data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n0\n5432\n");

      try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
        assertThat(query(db, "SELECT n FROM kept")).isEqualTo("7");
        assertThat(db.postmasterPid()).isPresent().get().isNotEqualTo(unrelated.pid());
      }
      assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
    } finally {
      unrelated.destroyForcibly();
    }
  }

  @Test
  void aServerThatDiesIsStartedAgainOnTheSamePortWithItsData() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(tmp.resolve("data"))) {
      execute(db, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
      ProcessHandle postmaster = ProcessHandle.of(db.postmasterPid().orElseThrow()).orElseThrow();
      List<ProcessHandle> all =
          Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();

      all.forEach(ProcessHandle::destroyForcibly);

      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      String answer = null;
      while (answer == null && System.nanoTime() < deadline) {
        try {
          answer = query(db, "SELECT n FROM kept");
        } catch (SQLException down) {
          Thread.sleep(200);
        }
      }
      assertThat(answer).isEqualTo("42");
      assertThat(db.postmasterPid()).isPresent().get().isNotEqualTo(postmaster.pid());
    }
  }

  private static String show(EmbeddedDatabase db, String setting) throws SQLException {
    return query(db, "SHOW " + setting);
  }

  private static String query(EmbeddedDatabase db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement();
        ResultSet row = s.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(Path::toString).sorted().toList();
    }
  }
}
