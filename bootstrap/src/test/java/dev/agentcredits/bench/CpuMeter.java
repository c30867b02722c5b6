package dev.agentcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during a workload (Linux /proc): the service process's own time and the
 * machine's busy time, both in core-seconds. On two cores shared by PostgreSQL, the service and the
 * driver, this tells a CPU-bound workload from one that waits (on the pool's lock, on commits).
 */
final class CpuMeter {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  private final String pid;

  /** {@code pid} of the service, or "self" when it runs in the driver's JVM. */
  CpuMeter(String pid) {
    this.pid = pid;
  }

  /** A reading: the service's CPU seconds and the machine's busy and total CPU seconds. */
  record Reading(double service, double busy, double total) {
    Usage since(Reading start) {
      return new Usage(service - start.service, busy - start.busy, total - start.total);
    }
  }

  /** Core-seconds used over an interval; {@code total} is cores x seconds. */
  record Usage(double service, double busy, double total) {}

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
      return new Reading(service, (total - idle) / TICKS, total / TICKS);
    } catch (IOException | RuntimeException e) {
      return new Reading(0, 0, 0);
    }
  }
}
