package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcredits.adapter.webhooks.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks end to end (DOMAIN.md rule 26): the service on PostgreSQL delivers to a real receiver on
 * 127.0.0.1, which checks every signature with an HMAC of its own; retries are driven by the manual
 * clock, not by sleeping. Each test has its own team and receiver.
 */
class WebhooksTest {
  @RegisterExtension
  static final ServiceExtension SERVICE = new ServiceExtension().allowingLocalWebhooks();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final Steps steps = new Steps(SERVICE.api());

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void an_endpoint_answering_500_twice_then_200_gets_the_event_on_the_third_attempt()
      throws Exception {
    var team = SERVICE.teams().build().withMember().create();
    String endpoint = register(team, "run.accepted");
    receiver.answer(500, 500);

    String task = steps.accepted(team.member().key());

    assertThat(receiver.await(1, WAIT)).hasSize(1);
    JsonNode pending = awaitDelivery(team, endpoint, d -> d.path("attempts").asInt() == 1);
    assertThat(pending.path("state").asText()).isEqualTo("pending");
    assertThat(pending.path("last_status").asInt()).isEqualTo(500);
    Instant attempted =
        Instant.ofEpochSecond(Long.parseLong(receiver.received().getFirst().timestamp()));
    assertThat(Instant.parse(pending.path("next_attempt_at").asText()))
        .isEqualTo(attempted.plusSeconds(5));

    SERVICE.advance(Duration.ofSeconds(5));
    assertThat(receiver.await(2, WAIT)).hasSize(2);
    awaitDelivery(team, endpoint, d -> d.path("attempts").asInt() == 2);
    SERVICE.advance(Duration.ofMinutes(5));
    List<WebhookReceiver.Received> received = receiver.await(3, WAIT);

    assertThat(received)
        .extracting(WebhookReceiver.Received::answered)
        .containsExactly(500, 500, 200);
    assertThat(received)
        .allSatisfy(r -> {
          assertThat(r.signatureValid()).as("signature of %s", r).isTrue();
          assertThat(r.contentType()).isEqualTo("application/cloudevents+json");
        });
    assertThat(received)
        .extracting(WebhookReceiver.Received::id)
        .containsOnly(received.get(0).id());
    JsonNode event = JSON.readTree(received.get(2).body());
    assertThat(event.path("id").asText()).isEqualTo(received.get(0).id());
    assertThat(event.path("type").asText()).isEqualTo("dev.agentcredits.run.accepted");
    assertThat(event.path("data").path("task_id").asText()).isEqualTo(task);
    JsonNode delivered =
        awaitDelivery(team, endpoint, d -> d.path("state").asText().equals("delivered"));
    assertThat(delivered.path("attempts").asInt()).isEqualTo(3);
    assertThat(delivered.path("event_id").asText()).isEqualTo(received.get(0).id());
  }

  @Test
  void a_test_event_and_a_retry_arrive_and_a_deleted_endpoint_gets_nothing_more() throws Exception {
    var team = SERVICE.teams().build().withMember().create();
    String endpoint = register(team, "run.*");
    String path = team.path() + "/webhook-endpoints/" + endpoint;

    JsonNode test =
        SERVICE.api().post(path + "/test", team.owner().key(), null).assertStatus(202).json();
    assertThat(receiver.await(1, WAIT)).hasSize(1);
    JsonNode testEvent = JSON.readTree(receiver.received().getFirst().body());
    assertThat(testEvent.path("type").asText()).isEqualTo("dev.agentcredits.webhook.test");
    assertThat(testEvent.path("data").path("endpoint_id").asText()).isEqualTo(endpoint);
    awaitDelivery(team, endpoint, d -> d.path("state").asText().equals("delivered"));

    SERVICE
        .api()
        .post(
            path + "/deliveries/" + test.path("delivery_id").asText() + "/retry",
            team.owner().key(),
            null)
        .assertStatus(202);
    List<WebhookReceiver.Received> twice = receiver.await(2, WAIT);
    assertThat(twice)
        .extracting(WebhookReceiver.Received::id)
        .containsExactly(test.path("event_id").asText(), test.path("event_id").asText());

    SERVICE.api().delete(path, team.owner().key()).assertStatus(204);
    steps.accepted(team.member().key());
    Thread.sleep(1_500);
    assertThat(receiver.received()).hasSize(2);
    assertThat(
            SERVICE
                .api()
                .get(team.path() + "/webhook-endpoints", team.owner().key())
                .assertStatus(200)
                .json()
                .path("webhook_endpoints"))
        .isEmpty();
  }

  private String register(Teams.Team team, String... types) {
    StringBuilder body = new StringBuilder("{\"url\":\"" + receiver.url("/hooks") + "\"");
    body.append(",\"event_types\":[");
    for (int i = 0; i < types.length; i++) {
      body.append(i == 0 ? "" : ",").append('"').append(types[i]).append('"');
    }
    body.append("],\"description\":\"e2e\"}");
    JsonNode registered =
        SERVICE
            .api()
            .post(team.path() + "/webhook-endpoints", team.owner().key(), body.toString())
            .assertStatus(201)
            .json();
    receiver.secret(registered.path("secret").asText());
    return registered.path("endpoint_id").asText();
  }

  private JsonNode deliveries(Teams.Team team, String endpoint) {
    return SERVICE
        .api()
        .get(team.path() + "/webhook-endpoints/" + endpoint + "/deliveries", team.owner().key())
        .assertStatus(200)
        .json();
  }

  /**
   * The endpoint's newest delivery once it matches: an attempt is recorded just after the receiver
   * has answered it.
   */
  private JsonNode awaitDelivery(
      Teams.Team team, String endpoint, java.util.function.Predicate<JsonNode> condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode newest = null;
    while (System.nanoTime() < deadline) {
      newest = deliveries(team, endpoint).path("deliveries").get(0);
      if (newest != null && condition.test(newest)) {
        return newest;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the delivery did not get there; it is " + newest);
  }
}
