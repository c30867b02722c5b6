package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written OpenAPI 3.1 document ({@code openapi.yaml}), served as JSON. */
final class OpenApiDocument {
  static final String RESOURCE = "openapi.yaml";

  private final JsonNode document;
  private final String json;

  private OpenApiDocument(JsonNode document) {
    this.document = document;
    this.json = Json.write(document);
  }

  static OpenApiDocument load() {
    try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new OpenApiDocument(new YAMLMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  JsonNode tree() {
    return document;
  }

  String json() {
    return json;
  }
}
