package dev.agentcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the CPU went during a workload (Linux /proc): the service process's own time and the
 * machine's busy time, both in core-seconds. On two cores shared by PostgreSQL, the service and the
 * driver, this tells a CPU-bound workload from one that waits (on the pool's lock, on commits). It
 * also counts the service database's commits ({@code pg_stat_database.xact_commit}): unlike CPU
 * time on a shared machine, commits per request show how well requests share transactions.
 */
final class CpuMeter {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  private final String pid;
  private final Service.Database database;

  /** {@code pid} of the service, or "self" when it runs in the driver's JVM. */
  CpuMeter(String pid, Service.Database database) {
    this.pid = pid;
    this.database = database;
  }

  /** A reading: the service's CPU seconds, the machine's busy and total, the database commits. */
  record Reading(double service, double busy, double total, long commits) {
    Usage since(Reading start) {
      return new Usage(
          service - start.service, busy - start.busy, total - start.total, commits - start.commits);
    }
  }

  /** Core-seconds used over an interval ({@code total} is cores x seconds), and commits. */
  record Usage(double service, double busy, double total, long commits) {
    static final Usage NONE = new Usage(0, 0, 0, 0);
  }

  Reading read() {
    try {
      String[] stat =
          Files.readString(Path.of("/proc", pid, "stat")).split("\\) ", 2)[1].split(" ");
      double service = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS;
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < cpu.length && i <= 8; i++) {
        total += Long.parseLong(cpu[i]);
      }
      long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
      return new Reading(service, (total - idle) / TICKS, total / TICKS, commits());
    } catch (IOException | RuntimeException e) {
      return new Reading(0, 0, 0, 0);
    }
  }

  /**
   * The database's commits so far. The statistics are flushed by each backend at most once a
   * second, so the count lags by up to that: a small error on a workload of many seconds.
   */
  private long commits() {
    if (database == null) {
      return 0;
    }
    String sql = "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";
    try (Connection c =
            DriverManager.getConnection(database.url(), database.user(), database.password());
        Statement statement = c.createStatement()) {
      statement.execute("SELECT pg_stat_clear_snapshot()");
      try (ResultSet rs = statement.executeQuery(sql)) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      return 0;
    }
  }
}
