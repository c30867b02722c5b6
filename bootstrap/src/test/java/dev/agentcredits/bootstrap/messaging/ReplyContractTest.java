package dev.agentcredits.bootstrap.messaging;

import static dev.agentcredits.bootstrap.messaging.Commands.submit;
import static dev.agentcredits.bootstrap.messaging.Commands.usage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcredits.adapter.rest.RestApi;
import dev.agentcredits.adapter.rest.RestFixtures;
import dev.agentcredits.adapter.rest.RestSettings;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.IssuedKeyView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * API.md: a command's reply is "the body the matching REST call would answer" plus http_status. The
 * same outcomes, asked for over HTTP and over RabbitMQ of one application, answer the same bodies;
 * only what names the request itself (its run, trace and instance) differs.
 */
class ReplyContractTest {
  private static final Set<String> PER_REQUEST = Set.of("task_id", "trace_id", "instance");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyOutcomeIsTheSameBodyOverHttpAndOverTheBroker() throws Exception {
    try (MessagingStack stack = new MessagingStack();
        Wire wire = new Wire(stack.topology)) {
      stack.start();
      RestApi rest = RestFixtures.api(stack.app, settings()).start(0);
      try {
        ProvisionedTeamView team = stack.provision(Plan.BUILD);
        String key = teamKey(stack, team);

        // accepted: two runs billed to the owner's pool, one by each way in
        Reply overHttp =
            post(rest, "/api/v1/agent/tasks", key, "{\"prompt\":\"triage the failing build\"}");
        Map<String, Object> overBroker = wire.call(submit("c-1", team.teamId()));
        assertSame(overHttp, overBroker, 201);

        // usage charged on each run: the same run body
        assertSame(
            post(rest, usagePath(overHttp), key, "{\"usage_id\":\"u-1\",\"credits\":30}"),
            wire.call(usage("c-2", overBroker.get("task_id"), "u-1", 30)),
            200);

        // insufficient_credits: the owner's pool drained, then one refusal each way
        wire.call(usage("c-3", overBroker.get("task_id"), "u-2", 1_430));
        assertSame(
            post(rest, "/api/v1/agent/tasks", key, "{\"prompt\":\"triage the failing build\"}"),
            wire.call(submit("c-4", team.teamId())),
            403);

        // an unknown run: resource_not_found
        assertSame(
            post(
                rest,
                "/api/v1/agent/tasks/task_none/usage",
                key,
                "{\"usage_id\":\"u\",\"credits\":1}"),
            wire.call(usage("c-5", "task_none", "u", 1)),
            404);

        // a usage report that names no credits: invalid_request
        assertSame(
            post(rest, usagePath(overHttp), key, "{\"usage_id\":\"u-9\",\"credits\":0}"),
            wire.call(usage("c-6", overBroker.get("task_id"), "u-9", 0)),
            400);
      } finally {
        rest.stop();
      }
    }
  }

  private static void assertSame(Reply http, Map<String, Object> reply, int status) {
    assertThat(http.status()).as("HTTP status: %s", http.body()).isEqualTo(status);
    assertThat(reply).containsEntry("http_status", status);
    Map<String, Object> broker = new LinkedHashMap<>(reply);
    broker.remove("http_status");
    assertThat(withoutPerRequest(broker))
        .as("the reply repeats the REST body")
        .isEqualTo(withoutPerRequest(http.body()));
    assertThat(broker.keySet()).containsExactlyElementsOf(http.body().keySet());
  }

  private static Map<String, Object> withoutPerRequest(Map<String, Object> body) {
    Map<String, Object> copy = new LinkedHashMap<>(body);
    PER_REQUEST.forEach(copy::remove);
    return copy;
  }

  private record Reply(int status, Map<String, Object> body) {}

  @SuppressWarnings("unchecked")
  private Reply post(RestApi rest, String path, String key, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + rest.port() + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), JSON.readValue(response.body(), Map.class));
  }

  private static String usagePath(Reply run) {
    return "/api/v1/agent/tasks/" + run.body().get("task_id") + "/usage";
  }

  private static String teamKey(MessagingStack stack, ProvisionedTeamView team) {
    Outcome<IssuedKeyView> issued =
        stack
            .app
            .issueTeamApiKey()
            .issue(
                new TeamApiKeyCommand(
                    MessagingStack.OPERATOR, new TeamId(team.teamId()), "contract"));
    return ((Outcome.Ok<IssuedKeyView>) issued).value().apiKey();
  }

  private static RestSettings settings() {
    return RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }
}
