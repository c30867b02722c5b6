package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.ok;
import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Two instances of the service on one schema, as two processes behind a load balancer would be: two
 * connection pools, each with its own application. Requests alternate between them and race from
 * {@value #THREADS} threads.
 */
final class TwoInstances implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  static final int THREADS = 32;
  private static final int MAX_ATTEMPTS = 5;

  private final PostgresPersistence second;
  private final List<TestApplication> instances;
  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

  TwoInstances(PostgresSchema schema) {
    this(schema, UnaryOperator.identity());
  }

  /**
   * {@code admissions} may wrap each instance's admission transaction, e.g. in the group commit.
   */
  TwoInstances(PostgresSchema schema, UnaryOperator<Admissions> admissions) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    second = schema.open();
    instances =
        List.of(
            BillingFixtures.application(schema.persistence(), clock, admissions),
            BillingFixtures.application(second, clock, admissions));
  }

  /** The instance that serves request {@code i}. */
  TestApplication instance(int i) {
    return instances.get(i % 2);
  }

  PostgresPersistence secondPersistence() {
    return second;
  }

  ExecutorService threads() {
    return threads;
  }

  ProvisionedTeamView provision(Plan plan) {
    return ok(
        instance(0)
            .provisionTeam()
            .provision(
                new ProvisionTeamCommand(operator(), "Team " + plan, plan, "owner@example.com")));
  }

  /** Issues a team API key on one instance and authenticates it on the other. */
  Caller teamKeyCaller(TeamId team) {
    String key =
        ok(instance(0).issueTeamApiKey().issue(new TeamApiKeyCommand(operator(), team, "ci")))
            .apiKey();
    Caller caller = instance(1).authenticate().authenticate(key).orElseThrow();
    assertThat(caller).isInstanceOf(Caller.TeamKey.class);
    return caller;
  }

  interface Request<T> {
    T send(int index);
  }

  /** Sends {@code count} requests, all released at the same moment, and collects the answers. */
  <T> List<T> race(int count, Request<T> request) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      Callable<T> call =
          () -> {
            start.await();
            return sendAsAClientWould(request, index);
          };
      futures.add(threads.submit(call));
    }
    start.countDown();
    List<T> answers = new ArrayList<>();
    for (Future<T> future : futures) {
      answers.add(future.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  /**
   * A 503 ({@code resource_unavailable}: here, no connection free within the pool's 3 s while 32
   * threads queue on one pool row of a loaded machine) is retryable and changed nothing; a client
   * sends the request again, and so does this.
   */
  private static <T> T sendAsAClientWould(Request<T> request, int index)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return request.send(index);
      } catch (ResourceUnavailableException e) {
        if (attempt == MAX_ATTEMPTS) {
          throw e;
        }
        Thread.sleep(100L * attempt);
      }
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
    second.close();
  }
}
