package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenAPI document as a contract: every answer a test receives is validated against it, and
 * once every end-to-end class has run, every operation it lists must have been answered at least
 * once, so neither the code nor the document can drift from the other unnoticed.
 */
final class ContractCoverage implements AutoCloseable {
  static final String DOCUMENT = "/dev/agentcredits/adapter/rest/openapi.yaml";
  static final JsonNode TREE = load();
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(TREE.toString()).build();
  private static final List<Operation> OPERATIONS = operations();
  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
  private static final Set<String> CLASSES_RUN = ConcurrentHashMap.newKeySet();

  private record Operation(String method, String template, Pattern pattern) {
    String key() {
      return method + " " + template;
    }
  }

  /** Called by every end-to-end class; the check runs when the whole test run ends. */
  static void register(ExtensionContext context) {
    CLASSES_RUN.add(context.getRequiredTestClass().getName());
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(
            ContractCoverage.class, k -> new ContractCoverage(), ContractCoverage.class);
  }

  /** Validates an answer of a documented operation; answers of undocumented routes pass by. */
  static void check(String method, String path, Reply reply) {
    String bare = path.split("\\?", 2)[0];
    Operation operation =
        OPERATIONS.stream()
            .filter(op -> op.method().equals(method) && op.pattern().matcher(bare).matches())
            .findFirst()
            .orElse(null);
    if (operation == null) {
      return;
    }
    SEEN.add(operation.key());
    var response = SimpleResponse.Builder.status(reply.status());
    if (!reply.body().isEmpty()) {
      response.withBody(reply.body());
    }
    reply.headers().map().forEach(response::withHeader);
    ValidationReport report =
        VALIDATOR.validateResponse(
            bare, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
    assertThat(report.hasErrors())
        .as(
            "%s answered %d %s, which the OpenAPI document does not allow: %s",
            reply.request(), reply.status(), reply.body(), report.getMessages())
        .isFalse();
  }

  static Set<String> documented() {
    return OPERATIONS.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
  }

  static Set<String> seen() {
    return new TreeSet<>(SEEN);
  }

  @Override
  public void close() {
    Set<String> all = endToEndClasses();
    if (!CLASSES_RUN.containsAll(all)) {
      System.out.println(
          "OpenAPI coverage not checked: only part of the end-to-end classes ran " + CLASSES_RUN);
      return;
    }
    Set<String> missing = documented();
    missing.removeAll(SEEN);
    assertThat(missing)
        .as("operations of the OpenAPI document no end-to-end test called")
        .isEmpty();
    System.out.println("OpenAPI coverage: all " + OPERATIONS.size() + " operations answered");
  }

  /** The classes of this package whose names end with Test, as compiled. */
  private static Set<String> endToEndClasses() {
    try {
      Path dir = Path.of(ContractCoverage.class.getResource("").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith("Test.class") && !n.contains("$"))
            .map(n -> ContractCoverage.class.getPackageName() + "." + n.replace(".class", ""))
            .collect(Collectors.toSet());
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Set.of("cannot list the test classes: " + e);
    }
  }

  private static JsonNode load() {
    try (InputStream in = ContractCoverage.class.getResourceAsStream(DOCUMENT)) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code /teams/{team_id}/pool} matches {@code /teams/anything-but-a-slash/pool}. */
  private static String regex(String template) {
    return Stream.of(template.split("/", -1))
            .map(part -> part.startsWith("{") ? "[^/]+" : Pattern.quote(part))
            .collect(Collectors.joining("/"))
        + "/?";
  }

  private static List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    TREE.path("paths")
        .properties()
        .forEach(path -> {
          Pattern pattern = Pattern.compile(regex(path.getKey()));
          path.getValue()
              .properties()
              .forEach(op -> {
                if (!op.getKey().equals("parameters")) {
                  operations.add(
                      new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern));
                }
              });
        });
    return operations;
  }
}
