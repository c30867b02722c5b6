package dev.agentcredits.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a run, for README.md: each test class writes what it held and survived to {@code
 * target/reliability/<class>.txt} and to the console.
 */
final class Figures {
  private final String name;
  private final List<String> lines = new ArrayList<>();

  Figures(Class<?> testClass) {
    this.name = testClass.getSimpleName();
  }

  synchronized void add(String format, Object... args) {
    String line = format.formatted(args);
    lines.add(line);
    System.out.println("[reliability] " + name + ": " + line);
  }

  /** Writes what a test found, line by line, next to the figures (for reading, not for README). */
  static void details(String file, List<String> lines) {
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.write(dir.resolve(file), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void write() {
    try {
      Path dir = Path.of("target", "reliability");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".txt"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
