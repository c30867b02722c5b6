package dev.agentcredits.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.adapter.memory.InMemoryPersistence;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.service.runs.Admissions;
import dev.agentcredits.application.service.runs.RunOperations;
import dev.agentcredits.application.service.runs.batching.GroupCommittedAdmissions;
import dev.agentcredits.application.service.runs.batching.GroupCommittedRunOperations;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.application.testing.TestPayments;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The billing application on the in-memory twins, with a manual clock and a payment double that can
 * decline, plus the few steps every test repeats. Teams are provisioned through the use cases.
 */
public final class BillingFixture {
  public static final Instant START = Instant.parse("2025-01-10T00:00:00Z");
  public static final Caller OPERATOR = new Caller.Operator();
  public static final Caller INTEGRATION = new Caller.Integration();

  /** What the outbox was given: {@link #takeEvents} reads the domain events back from it. */
  public final TestEventEncoder encoder = new TestEventEncoder();

  public final InMemoryPersistence persistence = new InMemoryPersistence(encoder);
  public final TestPayments gateway = new TestPayments();
  public final TestClock clock = new TestClock(START);
  public final InterleavedTransactions transactions =
      new InterleavedTransactions(persistence.transactions());
  public final TestApplication app;

  public BillingFixture() {
    this(simulated -> simulated);
  }

  /** {@code payments} may wrap the simulated gateway, e.g. to watch or slow it down. */
  public BillingFixture(UnaryOperator<PaymentGateway> payments) {
    this(payments, UnaryOperator.identity());
  }

  /**
   * The application with admission, usage, completion and cancellation in group commit, as
   * bootstrap has it.
   */
  public static BillingFixture groupCommitted() {
    return new BillingFixture(
        simulated -> simulated, GroupCommittedAdmissions::new, GroupCommittedRunOperations::new);
  }

  /** {@code admissions} may wrap the admission transaction, e.g. in the group commit. */
  public BillingFixture(
      UnaryOperator<PaymentGateway> payments, UnaryOperator<Admissions> admissions) {
    this(payments, admissions, UnaryOperator.identity());
  }

  private BillingFixture(
      UnaryOperator<PaymentGateway> payments,
      UnaryOperator<Admissions> admissions,
      UnaryOperator<RunOperations> operationsOnRuns) {
    app =
        TestApplication.wire(
            new TestApplication.Ports(
                persistence.stores(),
                transactions,
                payments.apply(gateway),
                new TestSecrets(),
                new TestSecrets(),
                clock,
                timeKeeping -> Optional.of(clock),
                Optional.of(gateway)),
            BillingTerms.defaults(),
            "operator-key",
            admissions,
            operationsOnRuns);
  }

  private final List<TeamId> teams = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger names =
      new java.util.concurrent.atomic.AtomicInteger();

  public Stores stores() {
    return persistence.stores();
  }

  public TeamBuilder aTeam(Plan plan) {
    return new TeamBuilder(this, plan, "team-" + names.incrementAndGet());
  }

  public TeamBuilder aBuildTeam() {
    return aTeam(Plan.BUILD);
  }

  public TeamBuilder anEnterpriseTeam() {
    return aTeam(Plan.ENTERPRISE);
  }

  public void remember(TeamId team) {
    teams.add(team);
  }

  public Caller authenticate(String apiKey) {
    return app.authenticate()
        .authenticate(apiKey)
        .orElseThrow(() -> new AssertionError("key does not authenticate"));
  }

  public Outcome<RunView> usage(RunView run, String usageId, long credits) {
    return app.reportUsage()
        .report(
            new ReportUsageCommand(
                OPERATOR, new RunId(run.taskId()), new UsageId(usageId), credits));
  }

  public Outcome<RunView> complete(RunView run) {
    CompleteRunUseCase complete = app.completeRun();
    return complete.complete(new RunCommand(OPERATOR, new RunId(run.taskId())));
  }

  public RunView run(String taskId) {
    return ok(app.getRun().get(new RunCommand(OPERATOR, new RunId(taskId))));
  }

  public void advance(Duration by) {
    clock.advance(by);
  }

  public static <T> T ok(Outcome<T> outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Ok.class);
    return ((Outcome.Ok<T>) outcome).value();
  }

  public static <R extends Refusal> R refused(Outcome<?> outcome, Class<R> kind) {
    assertThat(outcome).isInstanceOf(Outcome.Refused.class);
    Refusal refusal = ((Outcome.Refused<?>) outcome).refusal();
    assertThat(refusal).as("refusal %s", refusal).isInstanceOf(kind);
    return kind.cast(refusal);
  }

  /** The events committed since the last call, oldest first; they are marked as relayed. */
  public List<DomainEvent> takeEvents() {
    List<DomainEvent> taken = new ArrayList<>();
    List<OutboxEvent> batch;
    while (!(batch = stores().outbox().claim(1_000)).isEmpty()) {
      batch.forEach(e -> taken.add(encoder.event(e.event().id())));
      stores()
          .outbox()
          .markPublished(batch.stream().map(OutboxEvent::sequence).toList(), clock.instant());
    }
    return taken;
  }

  public static List<DomainEvent> ofType(List<DomainEvent> events, EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }

  /** DOMAIN.md rule 16: every pool of every team is exactly what its ledger says. */
  public void assertEveryPoolReconciles() {
    for (TeamId team : teams) {
      for (Pool pool : stores().pools().ofTeam(team)) {
        assertThat(Reconciliation.matches(pool, stores().ledger().ofPool(pool.id())))
            .as("the ledger of %s explains %s", pool.id(), pool)
            .isTrue();
      }
    }
  }
}
