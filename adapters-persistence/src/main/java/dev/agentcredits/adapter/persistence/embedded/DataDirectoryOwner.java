package dev.agentcredits.adapter.persistence.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one process that may run a server on a data directory: it holds an OS file lock on {@code
 * <data dir>.lock}, next to the directory, and has written its PID in it. The operating system
 * drops the lock when the process dies, however it dies, so a free lock means any server still
 * running on the directory was left behind by a dead service.
 */
final class DataDirectoryOwner implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectoryOwner(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path lockFile(Path dataDir) {
    Path absolute = dataDir.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".lock");
  }

  /** Takes the lock, or refuses (changing nothing) when a live process holds it. */
  static DataDirectoryOwner acquire(Path dataDir) {
    Path file = lockFile(dataDir);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw EmbeddedDataDirectory.refusal(dataDir, "cannot be locked: " + file + " (" + e + ")");
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw EmbeddedDataDirectory.refusal(
            dataDir,
            "is in use by another Agent Credits service (PID "
                + holder
                + ", holding "
                + file
                + "): stop that one first, or give this one its own AGENT_CREDITS_DATA_DIR");
      }
      byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid), 0);
      channel.force(true);
      return new DataDirectoryOwner(channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw EmbeddedDataDirectory.refusal(dataDir, "cannot be locked: " + file + " (" + e + ")");
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by this very JVM: a second service in one process
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
    return pid.isBlank() ? "unknown" : pid.strip();
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel; nothing else to undo
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // released with the channel below anyway
    }
    closeQuietly(channel);
  }
}
