package dev.agentcredits.bench;

import dev.agentcredits.bootstrap.AgentCreditsApplication;
import dev.agentcredits.bootstrap.RunningService;
import dev.agentcredits.bootstrap.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The service inside the driver's JVM ({@code AgentCreditsApplication.start}), as the CI smoke test
 * runs it: PostgreSQL store, memory broker, system clock. Its memory cannot be told apart from the
 * driver's, so the peak RSS it reports is the whole JVM's and says so.
 */
final class InProcessService implements Service {
  private final RunningService service;
  private final long startToReadyMillis;
  private final Database database;

  private InProcessService(RunningService service, long startToReadyMillis, Database database) {
    this.service = service;
    this.startToReadyMillis = startToReadyMillis;
    this.database = database;
  }

  static InProcessService start(Database database) {
    var settings =
        new Settings(
            0,
            Optional.of(OPERATOR_KEY),
            Settings.Store.POSTGRES,
            Path.of("target", "bench-data"),
            database.url(),
            database.user(),
            database.password(),
            Optional.ofNullable(database.schema()),
            Settings.Broker.MEMORY,
            "amqp://guest:guest@127.0.0.1:5672",
            Settings.ClockMode.SYSTEM,
            Optional.empty(),
            false,
            Settings.DEFAULT_RATE_LIMIT_PER_SECOND,
            Settings.DEFAULT_RATE_LIMIT_BURST);
    long start = System.nanoTime();
    RunningService service = AgentCreditsApplication.start(settings);
    try {
      Readiness.await(service.port(), Duration.ofSeconds(30), () -> true);
    } catch (RuntimeException e) {
      service.close();
      throw e;
    }
    return new InProcessService(service, (System.nanoTime() - start) / 1_000_000, database);
  }

  @Override
  public int port() {
    return service.port();
  }

  @Override
  public String pid() {
    return "self";
  }

  @Override
  public long startToReadyMillis() {
    return startToReadyMillis;
  }

  @Override
  public Memory peakMemory() {
    return new Memory(ProcStatus.peakRss("self"), "in-process: driver and service JVM, VmHWM");
  }

  @Override
  public Database database() {
    return database;
  }

  @Override
  public void close() {
    service.close();
  }
}
