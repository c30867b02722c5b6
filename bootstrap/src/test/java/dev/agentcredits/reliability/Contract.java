package dev.agentcredits.reliability;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The OpenAPI document as the judge of every answer. An answer to a documented operation must be
 * one the document lists for it (status, content type, body schema); any other answer (unknown
 * path, method or malformed request) must be a 4xx problem+json with every member a problem has.
 */
final class Contract {
  static final String DOCUMENT = "/dev/agentcredits/adapter/rest/openapi.yaml";
  static final JsonNode TREE = load();
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(TREE.toString()).build();
  private static final List<Operation> OPERATIONS = readOperations();
  private static final Set<String> PROBLEM_CODES =
      Stream.of(
              "invalid_request",
              "authentication_required",
              "not_authorized",
              "insufficient_credits",
              "budget_exceeded",
              "feature_not_available",
              "payment_failed",
              "resource_not_found",
              "conflict",
              "rate_limited",
              "internal_error",
              "resource_unavailable")
          .collect(Collectors.toSet());

  /** A documented operation: its method, path template, and the template as a pattern. */
  record Operation(String method, String template, Pattern pattern) {
    String key() {
      return method + " " + template;
    }

    /** The template with every parameter filled in with a valid id, to find it in the document. */
    String example() {
      return template.replaceAll("\\{[^}]+}", "x1");
    }
  }

  private Contract() {}

  static List<Operation> operations() {
    return OPERATIONS;
  }

  private static List<Operation> readOperations() {
    List<Operation> operations = new ArrayList<>();
    TREE.path("paths")
        .properties()
        .forEach(path -> {
          String regex =
              Stream.of(path.getKey().split("/", -1))
                      .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
                      .collect(Collectors.joining("/"))
                  + "/?";
          path.getValue()
              .properties()
              .forEach(op -> {
                if (!op.getKey().equals("parameters")) {
                  operations.add(
                      new Operation(
                          op.getKey().toUpperCase(Locale.ROOT),
                          path.getKey(),
                          Pattern.compile(regex)));
                }
              });
        });
    return List.copyOf(operations);
  }

  /** The documented operation a request is for, if any. */
  static Operation operation(String method, String path) {
    String bare = path.split("\\?", 2)[0];
    return OPERATIONS.stream()
        .filter(op -> op.method().equals(method) && op.pattern().matcher(bare).matches())
        .findFirst()
        .orElse(null);
  }

  /** What is wrong with the answer, as readable lines; empty when the document allows it. */
  static List<String> violations(String method, String path, Answer answer) {
    if (!answer.answered()) {
      return List.of();
    }
    List<String> wrong = new ArrayList<>();
    if (method.equals("HEAD")) {
      head(path, answer, wrong);
      return wrong.stream().map(w -> answer.request() + " " + answer.status() + ": " + w).toList();
    }
    Operation operation = operation(method, path);
    if (operation == null) {
      undocumented(method, answer, wrong);
    } else {
      documented(operation, answer, wrong);
    }
    return wrong.stream().map(w -> answer.request() + " " + answer.status() + ": " + w).toList();
  }

  private static void documented(Operation operation, Answer answer, List<String> wrong) {
    var response = SimpleResponse.Builder.status(answer.status());
    if (!answer.body().isEmpty()) {
      response.withBody(answer.body());
    }
    answer.headers().map().forEach(response::withHeader);
    ValidationReport report =
        VALIDATOR.validateResponse(
            operation.example(), Request.Method.valueOf(operation.method()), response.build());
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        wrong.add(message.getKey() + " " + message.getMessage() + " body=" + clip(answer.body()));
      }
    }
  }

  /** Not an operation of the document: only a 4xx problem is allowed. */
  private static void undocumented(String method, Answer answer, List<String> wrong) {
    if (answer.status() < 400 || answer.status() >= 500) {
      wrong.add("an undocumented request must be refused with a 4xx problem");
    }
    problem(answer, wrong);
  }

  /** HEAD is GET without a body: a status the GET operation lists, or a 4xx when there is none. */
  private static void head(String path, Answer answer, List<String> wrong) {
    if (!answer.body().isEmpty()) {
      wrong.add("an answer to HEAD with a body");
    }
    Operation get = operation("GET", path);
    if (get == null) {
      if (answer.status() < 400 || answer.status() >= 500) {
        wrong.add("HEAD where there is no GET must be refused with a 4xx");
      }
      return;
    }
    JsonNode responses = TREE.path("paths").path(get.template()).path("get").path("responses");
    if (!responses.has(Integer.toString(answer.status()))) {
      wrong.add("HEAD answered a status GET " + get.template() + " does not list");
    }
  }

  static void problem(Answer answer, List<String> wrong) {
    if (!answer.header("Content-Type").orElse("").startsWith("application/problem+json")) {
      wrong.add("content type " + answer.header("Content-Type").orElse("none") + ", not a problem");
      return;
    }
    JsonNode problem;
    try {
      problem = Answer.JSON.readTree(answer.body());
    } catch (IOException e) {
      wrong.add("a problem that is not JSON: " + clip(answer.body()));
      return;
    }
    for (String member :
        List.of("type", "title", "status", "instance", "error", "retryable", "trace_id", "code")) {
      if (!problem.has(member)) {
        wrong.add("a problem without " + member + ": " + clip(answer.body()));
      }
    }
    if (problem.path("status").asInt() != answer.status()) {
      wrong.add("a problem whose status is not the answer's: " + clip(answer.body()));
    }
    if (!PROBLEM_CODES.contains(problem.path("code").asText())) {
      wrong.add("an unknown problem code: " + clip(answer.body()));
    }
  }

  private static String clip(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  private static JsonNode load() {
    try (InputStream in = Contract.class.getResourceAsStream(DOCUMENT)) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
