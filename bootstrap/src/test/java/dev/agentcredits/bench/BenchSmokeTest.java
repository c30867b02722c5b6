package dev.agentcredits.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.bootstrap.e2e.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The load benchmark in miniature, so it cannot rot: the same driver, workloads and invariant
 * checks as {@code bench/run}, for a second or two each, against the service started in-process on
 * the test database. It asserts that the checks pass and that requests were accepted, never a
 * speed: CI machines vary.
 */
class BenchSmokeTest {

  @Test
  void the_benchmark_runs_and_its_invariants_hold() throws Exception {
    TestDatabase db = TestDatabase.get();
    String schema = "bench_smoke_" + UUID.randomUUID().toString().substring(0, 8);
    var database = new Service.Database(db.url, db.user, db.password, schema);
    var options =
        new BenchOptions(
            BenchOptions.Mode.IN_PROCESS,
            4,
            Duration.ofSeconds(2),
            2_000,
            Duration.ofSeconds(1),
            3,
            3,
            Duration.ZERO,
            "unused",
            0,
            db.user,
            db.password,
            "unused",
            null,
            List.of(),
            java.nio.file.Path.of("target", "bench-smoke"),
            BenchOptions.ALL_WORKLOADS,
            true,
            40);
    Report report;
    try (Service service = InProcessService.start(database)) {
      report = Bench.drive(options, service, null);
      report.write(options.outputDir());
    } finally {
      db.drop(schema);
    }

    assertThat(report.checks())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.passed()).as(c.toString()).isTrue());
    for (String workload : BenchOptions.ORDER) {
      assertThat(report.workload(workload).ok()).as(workload).isPositive();
    }
    assertThat(report.workload("usage-batch").events()).isPositive();
    assertThat(report.startToReadyMillis()).isPositive();
    assertThat(report.table())
        .contains(
            "| hot |",
            "| hot-keyed |",
            "| spread |",
            "| mixed |",
            "| usage-single |",
            "| usage-batch |");
  }
}
