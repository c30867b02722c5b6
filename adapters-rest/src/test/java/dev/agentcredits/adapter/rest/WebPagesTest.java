package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.adapter.web.WebAssets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The billing page, the Swagger UI docs and their webjars: served without a key, from the jar. */
class WebPagesTest {
  private static RestApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    var pages = new WebPages(WebAssets.BILLING, WebAssets.DOCS, WebAssets.WEBJARS);
    var settings =
        RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .withWebPages(pages);
    api = RestFixtures.api(new StubApplication().build(), settings).start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void leads_the_root_to_the_billing_page() throws Exception {
    var response = get("/");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("/billing");
  }

  @ParameterizedTest
  @CsvSource({"/billing", "/billing/"})
  void serves_the_billing_page_with_a_policy_that_forbids_other_hosts(String path)
      throws Exception {
    var page = get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'")
        .doesNotContain("unsafe-inline", "http");
    assertThat(page.body())
        .contains("<script type=\"module\" src=\"/billing/app.js\"></script>")
        .doesNotContain("${", "http://", "https://");
  }

  @Test
  void answers_head_for_a_page_as_get_without_the_body() throws Exception {
    var head =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/billing"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(head.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(head.body()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "/billing/app.js, text/javascript",
    "/billing/app.css, text/css",
    "/docs/docs.js, text/javascript"
  })
  void serves_the_assets_with_their_content_types(String path, String type) throws Exception {
    var asset = get(path);

    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
  }

  @ParameterizedTest
  @CsvSource({"/docs", "/docs/", "/api/v1/docs"})
  void serves_the_docs_as_swagger_ui_over_the_openapi_document(String path) throws Exception {
    var docs = get(path);

    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String bundle = between(docs.body(), "<script src=\"", "\"");
    assertThat(bundle).matches("/webjars/swagger-ui/[0-9.]+/swagger-ui-bundle\\.js");
    var script = get(bundle);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(script.body()).contains("SwaggerUIBundle");
    assertThat(get("/docs/docs.js").body()).contains("\"/api/v1/openapi.json\"");
  }

  @Test
  void does_not_serve_what_is_outside_the_folders() throws Exception {
    assertThat(get("/billing/nothing-here.js").statusCode()).isEqualTo(404);
    assertThat(get("/webjars/../dev/agentcredits/web/billing/index.html").statusCode())
        .isNotEqualTo(200);
    assertThat(get("/billing/../../adapter/rest/openapi.yaml").statusCode()).isNotEqualTo(200);
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
