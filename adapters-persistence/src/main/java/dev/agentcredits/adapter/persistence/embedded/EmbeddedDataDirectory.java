package dev.agentcredits.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The checks made on the embedded server's data directory before anything is written to it: a
 * missing one is created owner-only; one that cannot be written, that holds something other than a
 * PostgreSQL cluster, or a cluster of another major version is refused with a clear message, and
 * left exactly as it was.
 */
final class EmbeddedDataDirectory {
  private EmbeddedDataDirectory() {}

  /** Answers whether the directory already holds a cluster (else initdb will create one). */
  static boolean prepare(Path dir, int majorVersion) {
    if (!Files.exists(dir)) {
      create(dir);
      return false;
    }
    if (!Files.isDirectory(dir)) {
      throw refusal(dir, "is not a directory");
    }
    if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
      throw refusal(dir, "cannot be read and written by this process");
    }
    Path versionFile = dir.resolve("PG_VERSION");
    if (!Files.exists(versionFile)) {
      if (isEmpty(dir)) {
        return false;
      }
      throw refusal(
          dir,
          "is not empty and is not a PostgreSQL data directory (it has no PG_VERSION):"
              + " give the service an empty or new directory");
    }
    String version = read(versionFile).strip();
    if (!version.equals(Integer.toString(majorVersion))) {
      throw refusal(
          dir,
          "holds a PostgreSQL "
              + version
              + " cluster, and this service runs PostgreSQL "
              + majorVersion
              + ": upgrade it with pg_upgrade, or point the service at another directory");
    }
    return true;
  }

  private static void create(Path dir) {
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        FileAttribute<?> ownerOnly =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir, ownerOnly);
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw refusal(dir, "cannot be created (" + e + ")");
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw refusal(dir, "cannot be listed (" + e + ")");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw refusal(file.getParent(), "has an unreadable PG_VERSION (" + e + ")");
    }
  }

  static EmbeddedDatabaseException refusal(Path dir, String why) {
    return new EmbeddedDatabaseException(
        "the embedded PostgreSQL's data directory " + dir.toAbsolutePath() + " " + why);
  }
}
