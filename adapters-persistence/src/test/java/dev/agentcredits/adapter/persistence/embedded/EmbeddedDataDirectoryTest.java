package dev.agentcredits.adapter.persistence.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on the embedded server's data directory, made before anything is written to it. */
class EmbeddedDataDirectoryTest {
  @TempDir Path tmp;

  @Test
  void aMissingDirectoryIsCreatedOwnerOnlyWithItsParents() throws IOException {
    Path dir = tmp.resolve("data").resolve("postgres");

    boolean existing = EmbeddedDataDirectory.prepare(dir, 15);

    assertThat(existing).isFalse();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void anEmptyDirectoryIsTakenForANewCluster() {
    assertThat(EmbeddedDataDirectory.prepare(tmp, 15)).isFalse();
  }

  @Test
  void aClusterOfTheSameMajorVersionIsReused() throws IOException {
    Files.writeString(tmp.resolve("PG_VERSION"), "15\n");

    assertThat(EmbeddedDataDirectory.prepare(tmp, 15)).isTrue();
  }

  @Test
  void aNonEmptyDirectoryThatIsNoClusterIsRefusedAndLeftAlone() throws IOException {
    Files.writeString(tmp.resolve("thesis.tex"), "years of work");
    List<String> before = listing(tmp);

    assertThatThrownBy(() -> EmbeddedDataDirectory.prepare(tmp, 15))
        .isInstanceOf(EmbeddedDatabaseException.class)
        .hasMessageContaining(tmp.toAbsolutePath().toString())
        .hasMessageContaining("is not a PostgreSQL data directory (it has no PG_VERSION)");
    assertThat(listing(tmp)).isEqualTo(before);
    assertThat(Files.readString(tmp.resolve("thesis.tex"))).isEqualTo("years of work");
  }

  @Test
  void aClusterOfAnotherMajorVersionIsRefusedAndLeftAlone() throws IOException {
    Files.writeString(tmp.resolve("PG_VERSION"), "14\n");
    Files.createDirectory(tmp.resolve("base"));
    List<String> before = listing(tmp);

    assertThatThrownBy(() -> EmbeddedDataDirectory.prepare(tmp, 15))
        .isInstanceOf(EmbeddedDatabaseException.class)
        .hasMessageContaining("holds a PostgreSQL 14 cluster, and this service runs PostgreSQL 15")
        .hasMessageContaining("pg_upgrade");
    assertThat(listing(tmp)).isEqualTo(before);
    assertThat(Files.readString(tmp.resolve("PG_VERSION"))).isEqualTo("14\n");
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("postgres"), "not a directory");

    assertThatThrownBy(() -> EmbeddedDataDirectory.prepare(file, 15))
        .isInstanceOf(EmbeddedDatabaseException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is not a directory");
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }

  @Test
  void aDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");

    assertThatThrownBy(() -> EmbeddedDataDirectory.prepare(file.resolve("postgres"), 15))
        .isInstanceOf(EmbeddedDatabaseException.class)
        .hasMessageContaining("cannot be created");
  }

  @Test
  void anUnwritableDirectoryIsRefused() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("read-only"));
    Files.writeString(dir.resolve("PG_VERSION"), "15\n");
    // Permission bits do not stop root; the immutable attribute does (chattr, e2fsprogs).
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      chattr("+i", dir);
    } else {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    }
    try {
      assertThatThrownBy(() -> EmbeddedDataDirectory.prepare(dir, 15))
          .isInstanceOf(EmbeddedDatabaseException.class)
          .hasMessageContaining("cannot be read and written by this process");
    } finally {
      if (root) {
        chattr("-i", dir);
      } else {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
    }
  }

  private static void chattr(String flag, Path dir) throws Exception {
    Process chattr = new ProcessBuilder("chattr", flag, dir.toString()).inheritIO().start();
    assertThat(chattr.waitFor()).as("chattr " + flag + " " + dir).isZero();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.map(Path::toString).sorted().toList();
    }
  }
}
