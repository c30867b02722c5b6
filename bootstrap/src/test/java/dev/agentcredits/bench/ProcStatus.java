package dev.agentcredits.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux's account of a process's memory: VmHWM is the peak resident set size. */
final class ProcStatus {
  private ProcStatus() {}

  /** VmHWM of the process in bytes; -1 where /proc is not there (not Linux). */
  static long peakRss(String pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
      return -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** The 1, 5 and 15 minute load averages; "unknown" where /proc is not there. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
