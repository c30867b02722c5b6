package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.agentcredits.reliability.Tenants.Member;
import dev.agentcredits.reliability.Tenants.Team;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away under load: the service's RabbitMQ connections are closed from the broker's
 * side and may not come back for three seconds. REST keeps answering, readiness reports the broker
 * down while it is, and every event committed meanwhile arrives at least once on a queue bound to
 * {@code agent-credits.events} once the broker is back.
 */
class BrokerOutageIT {
  private static final String QUEUE = "reliability-events";
  private static final Duration OUTAGE = Duration.ofSeconds(3);
  private static final Set<String> EXPECTED =
      Set.of("200", "201", "403 insufficient_credits", "409 conflict", "400 invalid_request");
  private static final Figures FIGURES = new Figures(BrokerOutageIT.class);

  private static String vhost;
  private static String schema;
  private static InProcessService service;

  @BeforeAll
  static void start() throws Exception {
    Rabbit.assumeAvailable();
    vhost = TestPostgres.uniqueName("rel_broker");
    Rabbit.createVhost(vhost);
    schema = TestPostgres.uniqueName("rel_broker");
    TestPostgres db = TestPostgres.get();
    service =
        InProcessService.on(db.urlFor("reliability-broker"), schema)
            .rabbitmq(Rabbit.urlOf(vhost))
            .start();
    await(() -> service.http().get("/health/ready", null).status() == 200, Duration.ofSeconds(30));
    try (Connection connection = Rabbit.connect(vhost, "reliability observer")) {
      Channel channel = connection.createChannel();
      channel.queueDeclare(QUEUE, true, false, false, null);
      channel.queueBind(QUEUE, "agent-credits.events", "#");
    }
  }

  @AfterAll
  static void stop() {
    if (vhost != null) {
      Rabbit.grant(vhost);
    }
    if (service != null) {
      service.close();
    }
    if (vhost != null) {
      Rabbit.deleteVhost(vhost);
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
    FIGURES.write();
  }

  @Test
  void rest_keeps_working_and_every_committed_event_arrives_once_the_broker_is_back()
      throws Exception {
    Http http = service.http();
    Tenants tenants = new Tenants(http, InProcessService.OPERATOR_KEY);
    Team team = tenants.create("ENTERPRISE", 1, 3, true);
    tenants.grant(team, 100_000);
    TestPostgres db = TestPostgres.get();
    Journal journal = new Journal(db, db.urlFor("reliability-journal"), schema);
    ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
    List<Answer> readiness = new CopyOnWriteArrayList<>();
    int duringOutage;
    long downMillis;

    try (var workers =
        new Load.Workers(
            12, w -> step(http, team, journal, accepted, ThreadLocalRandom.current()))) {
      Load.pause(Duration.ofMillis(1500));
      int before = journal.size();
      long start = System.nanoTime();
      try (var probe =
          new Load.Workers(
              1,
              w -> {
                readiness.add(http.get("/health/ready", null));
                Load.pause(Duration.ofMillis(200));
              })) {
        try {
          Rabbit.revoke(vhost);
          Rabbit.closeConnections(vhost);
          Load.pause(OUTAGE);
        } finally {
          Rabbit.grant(vhost);
        }
        await(() -> http.get("/health/ready", null).status() == 200, Duration.ofSeconds(60));
        downMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        probe.stop();
      }
      duringOutage = journal.size() - before;
      Load.pause(Duration.ofSeconds(1));
      workers.stop();
    }

    List<Answer> answers = journal.calls().stream().flatMap(c -> c.answers().stream()).toList();
    Map<String, Long> outcomes = ConcurrencyIT.tally(answers);
    assertThat(EXPECTED).as(outcomes.toString()).containsAll(outcomes.keySet());
    assertThat(readiness)
        .anyMatch(a -> a.status() == 503 && a.body().contains("\"broker\":\"DOWN\""));
    assertThat(journal.missingFromLedger()).isEmpty();

    String unpublished = "SELECT count(*) FROM " + schema + ".outbox WHERE published_at IS NULL";
    await(() -> db.count(unpublished) == 0, Duration.ofSeconds(60));
    Set<String> committed = new HashSet<>();
    for (Map<String, Object> row : db.query("SELECT event_id FROM " + schema + ".outbox")) {
      committed.add(row.get("event_id").toString());
    }
    Received received = drain(committed);
    Set<String> missing = new HashSet<>(committed);
    missing.removeAll(received.ids());
    assertThat(missing).as("committed events that never arrived").isEmpty();
    assertThat(http.violations()).isEmpty();

    FIGURES.add(
        "broker connections closed and refused for %d s under 12 clients: %d requests %s, %d of"
            + " them while the broker was away, no 5xx; readiness DOWN (broker) until it was back,"
            + " %d ms in all",
        OUTAGE.toSeconds(), answers.size(), new TreeMap<>(outcomes), duringOutage, downMillis);
    FIGURES.add(
        "%d events committed, all %d arrived on a queue bound to agent-credits.events (%d"
            + " deliveries: at least once)",
        committed.size(), committed.size(), received.deliveries());
  }

  private record Received(Set<String> ids, int deliveries) {}

  /** Takes every message off the observer's queue until each committed event was seen. */
  private static Received drain(Set<String> committed) throws Exception {
    Set<String> ids = new HashSet<>();
    int deliveries = 0;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    try (Connection connection = Rabbit.connect(vhost, "reliability observer")) {
      Channel channel = connection.createChannel();
      while (System.nanoTime() < deadline && !ids.containsAll(committed)) {
        GetResponse message = channel.basicGet(QUEUE, true);
        if (message == null) {
          Load.pause(Duration.ofMillis(100));
          continue;
        }
        deliveries++;
        String json = new String(message.getBody(), StandardCharsets.UTF_8);
        ids.add(Answer.JSON.readTree(json).path("id").asText());
      }
    }
    return new Received(ids, deliveries);
  }

  private static void step(
      Http http,
      Team team,
      Journal journal,
      ConcurrentLinkedQueue<String> accepted,
      ThreadLocalRandom random) {
    List<Member> people = team.everyone();
    int dice = random.nextInt(100);
    Call call;
    if (dice < 50 || accepted.isEmpty()) {
      String key = people.get(random.nextInt(people.size())).key();
      call = Call.submit(key, "broker load");
    } else if (dice < 85) {
      call = Call.usage(accepted.peek(), team.teamKey(), random.nextInt(1, 30));
    } else {
      String task = accepted.poll();
      if (task == null) {
        return;
      }
      call = Call.complete(task, team.owner().key());
    }
    journal.send(call, http, accepted);
  }

  static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout);
      }
      Load.pause(Duration.ofMillis(100));
    }
  }
}
