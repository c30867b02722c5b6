package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.memory.InMemoryPersistence;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.testing.TestApplication;
import dev.agentcredits.application.testing.TestPayments;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.terms.BillingTerms;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The REST API over real use cases on the in-memory store, and calls to it whose answers are
 * checked against the OpenAPI document.
 */
final class MemoryApi implements AutoCloseable {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.load().json())
          .build();

  private final RestApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  private MemoryApi(RestApi api) {
    this.api = api;
  }

  static MemoryApi start(String operatorKey) {
    var store = new InMemoryPersistence(new CloudEventEncoder());
    var payments = new TestPayments();
    var secrets = new TestSecrets();
    var app =
        TestApplication.wire(
            new TestApplication.Ports(
                store.stores(),
                store.transactions(),
                payments,
                secrets,
                secrets,
                Clock.systemUTC(),
                timeKeeping -> Optional.empty(),
                Optional.of(payments)),
            BillingTerms.defaults(),
            operatorKey);
    var settings =
        RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    return new MemoryApi(RestFixtures.api(app, settings).start(0));
  }

  /** Sends the call, checks the status and that the answer is one the document allows. */
  JsonNode call(String method, String path, String key, String body, int status) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, path, response.body())
        .isEqualTo(status);
    String contentType = response.headers().firstValue("Content-Type").orElse("application/json");
    var documented =
        VALIDATOR.validateResponse(
            path.replaceAll("\\?.*", ""),
            Request.Method.valueOf(method),
            SimpleResponse.Builder.status(status)
                .withContentType(contentType.replaceAll(";.*", ""))
                .withBody(response.body())
                .build());
    assertThat(documented.hasErrors()).as("%s %s: %s", method, path, documented).isFalse();
    return Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
  }

  @Override
  public void close() {
    api.stop();
  }
}
