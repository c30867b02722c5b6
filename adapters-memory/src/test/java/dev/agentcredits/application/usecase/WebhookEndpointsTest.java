package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RegisterWebhookEndpointCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.WebhookEndpointCommand;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookSecret;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** API.md "Alerts and webhooks": registering, listing, deleting and testing endpoints. */
class WebhookEndpointsTest extends UseCaseTest {
  private static final String URL = "https://hooks.example.com/agent-credits";

  private final WebhookFixture webhooks = new WebhookFixture(billing);
  private final TestTeam team = billing.aBuildTeam().withAdmin("ada").withMember("mo").build();

  @Test
  void theOwnerRegistersAnEndpointAndSeesItsSecretOnce() {
    var registered = webhooks.register(team.key("owner"), team.id, URL, "run.*", "usage.charged");

    assertThat(registered.secret()).startsWith("whsec_");
    assertThat(new WebhookSecret(registered.secret()).key()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(registered.eventTypes()).containsExactly("run.*", "usage.charged");
    var listed = webhooks.list(team.key("owner"), team.id);
    assertThat(listed).hasSize(1);
    assertThat(listed.getFirst().endpointId()).isEqualTo(registered.endpointId());
    assertThat(listed.getFirst().url()).isEqualTo(URL);
    assertThat(listed.getFirst().state()).isEqualTo("enabled");
    assertThat(listed.getFirst().toString()).doesNotContain(registered.secret());
  }

  @Test
  void eachEndpointHasASecretOfItsOwnAndAllEventsByDefault() {
    var first = webhooks.register(team.key("owner"), team.id, URL);
    var second = webhooks.register(team.key("owner"), team.id, URL);

    assertThat(first.secret()).isNotEqualTo(second.secret());
    assertThat(first.eventTypes()).containsExactly("*");
  }

  @Test
  void theOperatorAndAnAdminMayAndAMemberOrTeamKeyMayNot() {
    webhooks.register(OPERATOR, team.id, URL);
    webhooks.register(team.key("ada"), team.id, URL);

    for (Caller caller : List.of(team.key("mo"), team.teamKey())) {
      refused(
          webhooks.endpoints.register(
              RegisterWebhookEndpointCommand.of(caller, team.id, URL, null, null)),
          Refusal.NotAuthorized.class);
      refused(webhooks.endpoints.list(new TeamQuery(caller, team.id)), Refusal.NotAuthorized.class);
    }
    assertThat(webhooks.list(OPERATOR, team.id)).hasSize(2);
  }

  @Test
  void anotherTeamsOwnerNeitherSeesNorTouchesTheEndpoints() {
    var endpoint = webhooks.register(team.key("owner"), team.id, URL);
    TestTeam other = billing.aBuildTeam().build();
    var id = new WebhookEndpointId(endpoint.endpointId());

    refused(
        webhooks.endpoints.list(new TeamQuery(other.key("owner"), team.id)),
        Refusal.NotAuthorized.class);
    refused(
        webhooks.endpoints.delete(new WebhookEndpointCommand(other.key("owner"), other.id, id)),
        Refusal.NotFound.class);
    refused(
        webhooks.endpoints.sendTest(new WebhookEndpointCommand(other.key("owner"), other.id, id)),
        Refusal.NotFound.class);
    assertThat(webhooks.list(OPERATOR, team.id)).hasSize(1);
  }

  @Test
  void aDeletedEndpointIsGone() {
    var endpoint = webhooks.register(team.key("owner"), team.id, URL);
    var command =
        new WebhookEndpointCommand(
            team.key("owner"), team.id, new WebhookEndpointId(endpoint.endpointId()));

    ok(webhooks.endpoints.delete(command));

    assertThat(webhooks.list(OPERATOR, team.id)).isEmpty();
    refused(webhooks.endpoints.delete(command), Refusal.NotFound.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://10.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/hook",
        "https://internal.example.com/hook",
        "https://metadata.example.com/hook",
        "https://nowhere.invalid/hook",
        "http://hooks.example.com/plain"
      })
  void aDestinationInTheServicesOwnNetworkOrNotHttpsIsRefused(String url) {
    webhooks.resolver.with("internal.example.com", "93.184.215.14", "10.0.0.1");
    webhooks.resolver.with("metadata.example.com", "169.254.169.254");

    var refusal =
        refused(
            webhooks.endpoints.register(
                RegisterWebhookEndpointCommand.of(team.key("owner"), team.id, url, null, null)),
            Refusal.InvalidRequest.class);

    assertThat(refusal.detail()).startsWith("url: ");
    assertThat(webhooks.list(OPERATOR, team.id)).isEmpty();
  }

  @Test
  void aTestIsQueuedForThatEndpointAloneWhateverItsEventTypes() {
    billing.takeEvents();
    var picky = webhooks.register(team.key("owner"), team.id, URL, "usage.charged");
    webhooks.register(team.key("owner"), team.id, "https://other.example.com/x");

    var delivery =
        ok(
            webhooks.endpoints.sendTest(
                new WebhookEndpointCommand(
                    team.key("ada"), team.id, new WebhookEndpointId(picky.endpointId()))));
    webhooks.relayAndDeliver();

    assertThat(delivery.eventType()).isEqualTo("webhook.test");
    assertThat(delivery.state()).isEqualTo("pending");
    assertThat(webhooks.sentTo(URL)).hasSize(1);
    assertThat(webhooks.sentTo(URL).getFirst().webhookId()).isEqualTo(delivery.eventId());
    assertThat(webhooks.sentTo("https://other.example.com/x")).isEmpty();
    assertThat(webhooks.deliveriesOf(team.id, picky.endpointId()))
        .extracting(d -> d.state())
        .containsExactly("delivered");
    assertThat(webhooks.published).as("a test never reaches the broker").isEmpty();
    assertThat(billing.takeEvents()).isEmpty();
  }
}
