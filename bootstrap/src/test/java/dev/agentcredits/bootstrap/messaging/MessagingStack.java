package dev.agentcredits.bootstrap.messaging;

import dev.agentcredits.adapter.memory.InMemoryPersistence;
import dev.agentcredits.adapter.messaging.Broker;
import dev.agentcredits.adapter.messaging.CommandHandlers;
import dev.agentcredits.adapter.messaging.OutboxRelay;
import dev.agentcredits.adapter.messaging.RabbitMessaging;
import dev.agentcredits.adapter.messaging.Topology;
import dev.agentcredits.adapter.payments.SimulatedPaymentGateway;
import dev.agentcredits.adapter.security.RandomSecrets;
import dev.agentcredits.adapter.security.Sha256KeyHasher;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.events.RelayEventsService;
import dev.agentcredits.application.service.idempotency.IdempotentRunCommands;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The application as a deployment with {@code AGENT_CREDITS_BROKER=rabbitmq} wires it: the billing
 * use cases on a store, the RabbitMQ adapter consuming commands, and the outbox relay publishing
 * through it. {@link #store()} is the one place that picks the store.
 */
final class MessagingStack implements AutoCloseable {
  static final Caller OPERATOR = new Caller.Operator();

  /** The stores and their transactions, as a deployment would provide them. */
  record Store(Stores stores, TransactionRunner tx) {}

  /** The store under test: the in-memory twins (PostgreSQL will be a second choice here). */
  static Store store() {
    InMemoryPersistence memory = new InMemoryPersistence(new CloudEventEncoder());
    return new Store(memory.stores(), memory.transactions());
  }

  final Topology topology = Broker.freshTopology();
  final TestApplication app;
  final RabbitMessaging messaging;
  final OutboxRelay relay;

  /**
   * {@code storeDecorator} lets a test wrap a store port; {@code submitDecorator} the submit use
   * case the consumer calls.
   */
  MessagingStack(
      UnaryOperator<Stores> storeDecorator, UnaryOperator<SubmitRunUseCase> submitDecorator) {
    Store store = store();
    Stores stores = storeDecorator.apply(store.stores());
    SimulatedPaymentGateway gateway = new SimulatedPaymentGateway();
    app =
        TestApplication.wire(
            new TestApplication.Ports(
                stores,
                store.tx(),
                gateway,
                new RandomSecrets(),
                new Sha256KeyHasher(),
                Clock.systemUTC(),
                timeKeeping -> Optional.empty(),
                Optional.of(gateway)),
            BillingTerms.defaults(),
            "operator-key-for-tests");
    messaging =
        RabbitMessaging.connect(
            Broker.url(),
            new CommandHandlers(
                new IdempotentRunCommands(
                    submitDecorator.apply(app.submitRun()),
                    app.reportUsage(),
                    app.reportUsageBatch(),
                    app.completeRun(),
                    app.idempotency())),
            topology);
    relay =
        new OutboxRelay(
            new RelayEventsService(
                stores.outbox(), messaging.publisher(), store.tx(), java.time.Clock.systemUTC()),
            Duration.ofMillis(50));
  }

  MessagingStack() {
    this(UnaryOperator.identity(), UnaryOperator.identity());
  }

  /** Starts consuming and relaying; call once the test's observers are bound. */
  void start() {
    messaging.startConsuming();
    relay.start();
  }

  ProvisionedTeamView provision(Plan plan) {
    Outcome<ProvisionedTeamView> outcome =
        app.provisionTeam()
            .provision(
                new ProvisionTeamCommand(OPERATOR, "messaging-it", plan, "owner@example.com"));
    return ((Outcome.Ok<ProvisionedTeamView>) outcome).value();
  }

  PoolView ownerPool(ProvisionedTeamView team) {
    Outcome<PoolView> outcome =
        app.billingQuery()
            .memberPool(
                OPERATOR,
                new PoolRef(new TeamId(team.teamId()), new MemberId(team.owner().memberId())));
    return ((Outcome.Ok<PoolView>) outcome).value();
  }

  @Override
  public void close() {
    relay.close();
    messaging.close();
    Broker.deleteTopology(topology);
  }
}
