package dev.agentcredits.bench;

import java.util.List;

/**
 * The full benchmark ({@code bench/run}): B with pgbench, then the packaged service on a fresh
 * database driven over HTTP, then the invariant checks; writes {@code target/bench/summary.json}
 * and prints the table. Exits 1 when an invariant broke, so no figure of a broken run is taken.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(List.of(args));
    // The driver's own libraries (the checks' connection pool, migrations) would narrate at INFO.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("ROOT"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    ScratchDatabases databases = new ScratchDatabases(options);
    Ceiling.Result ceiling = null;
    if (!options.ceilingDuration().isZero()) {
      System.out.printf(
          "measuring B: pgbench for %d s ...%n", options.ceilingDuration().toSeconds());
      ceiling = Ceiling.measure(options, databases);
      System.out.printf("B = %.0f tps%n", ceiling.tps());
    }
    databases.recreate(options.database());
    var database =
        new Service.Database(
            options.jdbcUrl(options.database()), options.dbUser(), options.dbPassword(), null);
    Report report;
    System.out.println("starting the service and driving it ...");
    try (Service service =
        options.mode() == BenchOptions.Mode.JAR
            ? JarService.start(options, database)
            : InProcessService.start(database)) {
      report = Bench.drive(options, service, ceiling);
    }
    report.write(options.outputDir());
    System.out.println();
    System.out.print(report.table());
    System.out.println("summary: " + options.outputDir().resolve("summary.json"));
    if (!report.passed()) {
      System.err.println("INVALID RUN: an invariant broke; its figures are not reported");
      System.exit(1);
    }
  }
}
