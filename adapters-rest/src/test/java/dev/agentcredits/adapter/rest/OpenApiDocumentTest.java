package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.web.WebAssets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
  private static final String TASK =
      """
      {"task_id": "task_1", "state": "QUEUED", "trigger": "USER",
       "billed_pool": {"kind": "MEMBER", "team_id": "team_1", "member_id": "mem_1"},
       "held_credits": 20, "charged_credits": 0%s}\
      """;

  private final OpenApiDocument document = OpenApiDocument.load();
  private final OpenApiInteractionValidator validator =
      OpenApiInteractionValidator.createForInlineApiSpecification(document.json()).build();

  @Test
  void is_an_openapi_3_1_document() {
    assertThat(document.tree().path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.tree().path("paths").size()).isGreaterThan(20);
  }

  @Test
  void documents_exactly_the_endpoints_the_adapter_serves() {
    var api =
        RestFixtures.api(
            new StubApplication().build(),
            RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                .withWebPages(new WebPages(WebAssets.BILLING, WebAssets.DOCS, WebAssets.WEBJARS)));
    List<String> documented = new ArrayList<>();
    document
        .tree()
        .path("paths")
        .properties()
        .forEach(path ->
            path.getValue()
                .properties()
                .forEach(op -> {
                  if (!op.getKey().equals("parameters")) {
                    documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                  }
                }));

    assertThat(documented).containsExactlyInAnyOrderElementsOf(api.endpoints());
  }

  @Test
  void the_validator_accepts_a_documented_answer_and_rejects_an_undocumented_member() {
    assertThat(validate(TASK.formatted("")).hasErrors()).isFalse();
    assertThat(validate(TASK.formatted(", \"secret\": 1")).hasErrors()).isTrue();
    assertThat(validate(TASK.formatted("").replace("QUEUED", "RUNNING")).hasErrors()).isTrue();
  }

  /** YAML 1.1 reads on, off, yes and no as booleans; an enum of strings must not hold one. */
  @Test
  void string_enums_hold_only_strings() {
    List<String> wrong = new ArrayList<>();
    walk(document.tree(), "", wrong);
    assertThat(wrong).isEmpty();
  }

  private void walk(JsonNode node, String where, List<String> wrong) {
    if (node.isObject()) {
      if (node.path("type").asText().equals("string") && node.has("enum")) {
        node.path("enum")
            .forEach(v -> {
              if (!v.isTextual()) {
                wrong.add(where + ": " + v);
              }
            });
      }
      node.properties().forEach(e -> walk(e.getValue(), where + "/" + e.getKey(), wrong));
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, where + "[]", wrong));
    }
  }

  private com.atlassian.oai.validator.report.ValidationReport validate(String body) {
    return validator.validateResponse(
        "/api/v1/agent/tasks/task_1",
        Request.Method.GET,
        SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
  }
}
