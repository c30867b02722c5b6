package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An answer the service gave, already checked against the OpenAPI document. */
public record Reply(String request, int status, HttpHeaders headers, String body) {
  static final ObjectMapper JSON = new ObjectMapper();

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(request + " answered something that is not JSON: " + body, e);
    }
  }

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  public Reply assertStatus(int expected) {
    assertThat(status).as("%s answered %s", request, body).isEqualTo(expected);
    return this;
  }

  /** A problem+json answer with this status and code, with the members every problem has. */
  public JsonNode assertProblem(int expected, String code) {
    assertStatus(expected);
    assertThat(header("Content-Type")).as(request).contains("application/problem+json");
    JsonNode problem = json();
    assertThat(problem.path("code").asText()).as("%s answered %s", request, body).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(expected);
    assertThat(problem.path("type").asText())
        .isEqualTo("/reference/api-and-sdk/troubleshooting/errors/" + code.replace('_', '-') + "/");
    assertThat(problem.path("trace_id").asText()).matches("[0-9a-f]{32}");
    if (header("Idempotent-Replayed").isEmpty()) {
      // a replayed answer is the first answer, trace id and all
      assertThat(header("X-Trace-Id")).contains(problem.path("trace_id").asText());
    }
    assertThat(problem.path("instance").asText()).isEqualTo(request.split(" ")[1].split("\\?")[0]);
    String title = problem.path("title").asText();
    assertThat(problem.path("error").asText())
        .isEqualTo(
            problem.has("detail") ? title + " (" + problem.path("detail").asText() + ")" : title);
    return problem;
  }
}
