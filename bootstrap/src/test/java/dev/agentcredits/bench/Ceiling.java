package dev.agentcredits.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * B, PostgreSQL's own ceiling on this machine: pgbench's built-in tpcb-like script at scale 1 with
 * 16 clients. At scale 1 every transaction updates the single {@code pgbench_branches} row, so B is
 * the database's hot-row rate: what a plain row lock per request could reach at best.
 */
final class Ceiling {
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");

  private Ceiling() {}

  /** The measured B, with the command that measured it. */
  record Result(double tps, int clients, long seconds, String command) {}

  static Result measure(BenchOptions options, ScratchDatabases databases)
      throws IOException, InterruptedException {
    String db = options.database() + "_pgbench";
    databases.recreate(db);
    try {
      run(options, List.of("pgbench", "-i", "-s", "1", "-q", db));
      List<String> command =
          List.of(
              "pgbench",
              "-c",
              "16",
              "-j",
              "2",
              "-T",
              Long.toString(options.ceilingDuration().toSeconds()),
              "-M",
              "prepared",
              db);
      String output = run(options, command);
      Matcher m = TPS.matcher(output);
      if (!m.find()) {
        throw new IllegalStateException("pgbench printed no tps line:\n" + output);
      }
      return new Result(
          Double.parseDouble(m.group(1)),
          16,
          options.ceilingDuration().toSeconds(),
          String.join(" ", command));
    } finally {
      databases.drop(db);
    }
  }

  private static String run(BenchOptions options, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(args);
    command.addAll(
        1,
        List.of(
            "-h",
            options.dbHost(),
            "-p",
            Integer.toString(options.dbPort()),
            "-U",
            options.dbUser()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", options.dbPassword());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
