package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.webhooks.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A delivery waiting for its retry is kept across a restart of the service (rule 26). */
class WebhookRestartTest {
  @RegisterExtension
  static final ServiceExtension SERVICE = new ServiceExtension().allowingLocalWebhooks();

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final WebhookReceiver receiver = WebhookReceiver.start();

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void a_retry_due_after_a_restart_is_made_by_the_restarted_service() throws Exception {
    var team = SERVICE.teams().build().withMember().create();
    JsonNode registered =
        SERVICE
            .api()
            .post(
                team.path() + "/webhook-endpoints",
                team.owner().key(),
                "{\"url\":\"" + receiver.url("/hooks") + "\",\"event_types\":[\"run.accepted\"]}")
            .assertStatus(201)
            .json();
    receiver.secret(registered.path("secret").asText());
    String deliveries =
        team.path()
            + "/webhook-endpoints/"
            + registered.path("endpoint_id").asText()
            + "/deliveries";
    receiver.answer(503);
    new Steps(SERVICE.api()).accepted(team.member().key());
    assertThat(receiver.await(1, WAIT)).hasSize(1);
    awaitAttempts(deliveries, team.owner().key(), 1);

    SERVICE.restart();
    SERVICE.advance(Duration.ofSeconds(5));

    var received = receiver.await(2, WAIT);
    assertThat(received).extracting(WebhookReceiver.Received::answered).containsExactly(503, 200);
    assertThat(received).allMatch(WebhookReceiver.Received::signatureValid);
    assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
    JsonNode delivered = awaitAttempts(deliveries, team.owner().key(), 2);
    assertThat(delivered.path("state").asText()).isEqualTo("delivered");
  }

  private JsonNode awaitAttempts(String path, String key, int attempts) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonNode delivery = null;
    while (System.nanoTime() < deadline) {
      delivery = SERVICE.api().get(path, key).assertStatus(200).json().path("deliveries").get(0);
      if (delivery != null && delivery.path("attempts").asInt() == attempts) {
        return delivery;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no delivery with " + attempts + " attempts; last seen " + delivery);
  }
}
