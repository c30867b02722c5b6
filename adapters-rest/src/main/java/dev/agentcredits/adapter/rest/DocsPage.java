package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable API reference, rendered once from the OpenAPI document into one self-contained
 * HTML page (inline style, no scripts, nothing fetched from elsewhere).
 */
final class DocsPage {
  private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

  private final JsonNode doc;
  private final StringBuilder html = new StringBuilder();

  private DocsPage(JsonNode doc) {
    this.doc = doc;
  }

  static String render(JsonNode doc) {
    return new DocsPage(doc).page();
  }

  private String page() {
    String title = doc.path("info").path("title").asText("API");
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><main>\n<h1>")
        .append(esc(title))
        .append(" <small>")
        .append(esc(doc.path("info").path("version").asText()))
        .append("</small></h1>\n");
    paragraphs(doc.path("info").path("description").asText(""));
    html.append("<p>Machine-readable: <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>")
        .append(" (OpenAPI ")
        .append(esc(doc.path("openapi").asText()))
        .append(").</p>\n");
    Map<String, List<String[]>> byTag = operationsByTag();
    html.append("<nav><h2>Contents</h2><ul>");
    byTag.forEach((tag, ops) -> {
      html.append("<li>").append(esc(tag)).append("<ul>");
      for (String[] op : ops) {
        html.append("<li><a href=\"#")
            .append(anchor(op[0], op[1]))
            .append("\"><code>")
            .append(op[0].toUpperCase())
            .append(' ')
            .append(esc(op[1]))
            .append("</code></a></li>");
      }
      html.append("</ul></li>");
    });
    html.append("<li><a href=\"#schemas\">Schemas</a></li></ul></nav>\n");
    byTag.forEach((tag, ops) -> {
      html.append("<h2>").append(esc(tag)).append("</h2>\n");
      paragraphs(tagDescription(tag));
      for (String[] op : ops) {
        operation(op[0], op[1], doc.path("paths").path(op[1]).path(op[0]));
      }
    });
    schemas();
    html.append("</main></body></html>\n");
    return html.toString();
  }

  private Map<String, List<String[]>> operationsByTag() {
    Map<String, List<String[]>> byTag = new LinkedHashMap<>();
    doc.path("tags").forEach(t -> byTag.put(t.path("name").asText(), new ArrayList<>()));
    doc.path("paths")
        .properties()
        .forEach(path -> {
          for (String method : METHODS) {
            JsonNode op = path.getValue().path(method);
            if (!op.isMissingNode()) {
              String tag = op.path("tags").path(0).asText("Other");
              byTag
                  .computeIfAbsent(tag, t -> new ArrayList<>())
                  .add(new String[] {method, path.getKey()});
            }
          }
        });
    byTag.values().removeIf(List::isEmpty);
    return byTag;
  }

  private String tagDescription(String tag) {
    for (JsonNode t : doc.path("tags")) {
      if (t.path("name").asText().equals(tag)) {
        return t.path("description").asText("");
      }
    }
    return "";
  }

  private void operation(String method, String path, JsonNode op) {
    html.append("<section class=\"op\" id=\"")
        .append(anchor(method, path))
        .append("\"><h3>")
        .append("<span class=\"m ")
        .append(method)
        .append("\">")
        .append(method.toUpperCase())
        .append("</span> <code>")
        .append(esc(path))
        .append("</code></h3>\n<p><b>")
        .append(esc(op.path("summary").asText()))
        .append("</b></p>\n");
    paragraphs(op.path("description").asText(""));
    JsonNode security = op.has("security") ? op.path("security") : doc.path("security");
    html.append("<p class=\"auth\">")
        .append(
            security.isArray() && security.isEmpty()
                ? "No key needed."
                : "Needs <code>Authorization: Bearer &lt;key&gt;</code>.")
        .append("</p>\n");
    List<JsonNode> params = new ArrayList<>();
    doc.path("paths").path(path).path("parameters").forEach(params::add);
    op.path("parameters").forEach(params::add);
    if (!params.isEmpty()) {
      html.append("<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th>")
          .append("<th>required</th><th>description</th></tr>");
      for (JsonNode p : params) {
        JsonNode param = resolve(p);
        html.append("<tr><td><code>")
            .append(esc(param.path("name").asText()))
            .append("</code></td><td>")
            .append(esc(param.path("in").asText()))
            .append("</td><td>")
            .append(type(param.path("schema")))
            .append("</td><td>")
            .append(param.path("required").asBoolean() ? "yes" : "no")
            .append("</td><td>")
            .append(inlineCode(esc(param.path("description").asText())))
            .append("</td></tr>");
      }
      html.append("</table>\n");
    }
    JsonNode body = op.path("requestBody");
    if (!body.isMissingNode()) {
      html.append("<h4>Request body</h4>");
      body.path("content")
          .properties()
          .forEach(c ->
              html.append("<p><code>")
                  .append(esc(c.getKey()))
                  .append("</code>: ")
                  .append(type(c.getValue().path("schema")))
                  .append("</p>"));
    }
    html.append("<h4>Responses</h4><table><tr><th>status</th><th>description</th>")
        .append("<th>body</th></tr>");
    op.path("responses")
        .properties()
        .forEach(r -> {
          JsonNode response = resolve(r.getValue());
          StringBuilder bodies = new StringBuilder();
          response
              .path("content")
              .properties()
              .forEach(c ->
                  bodies
                      .append("<code>")
                      .append(esc(c.getKey()))
                      .append("</code> ")
                      .append(type(c.getValue().path("schema")))
                      .append("<br>"));
          html.append("<tr><td>")
              .append(esc(r.getKey()))
              .append("</td><td>")
              .append(inlineCode(esc(response.path("description").asText())))
              .append("</td><td>")
              .append(bodies)
              .append("</td></tr>");
        });
    html.append("</table></section>\n");
  }

  private void schemas() {
    html.append("<h2 id=\"schemas\">Schemas</h2>\n");
    doc.path("components")
        .path("schemas")
        .properties()
        .forEach(s -> {
          JsonNode schema = s.getValue();
          html.append("<section class=\"schema\" id=\"schema-")
              .append(esc(s.getKey()))
              .append("\"><h3>")
              .append(esc(s.getKey()))
              .append("</h3>\n");
          paragraphs(schema.path("description").asText(""));
          if (schema.has("properties")) {
            html.append("<table><tr><th>field</th><th>type</th><th>required</th>")
                .append("<th>description</th></tr>");
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            schema
                .path("properties")
                .properties()
                .forEach(p ->
                    html.append("<tr><td><code>")
                        .append(esc(p.getKey()))
                        .append("</code></td><td>")
                        .append(type(p.getValue()))
                        .append("</td><td>")
                        .append(required.contains(p.getKey()) ? "yes" : "no")
                        .append("</td><td>")
                        .append(inlineCode(esc(p.getValue().path("description").asText())))
                        .append("</td></tr>"));
            html.append("</table>");
            if (schema.path("additionalProperties").asBoolean(true)) {
              html.append("<p class=\"note\">Further members may appear.</p>");
            }
          } else {
            html.append("<p>").append(type(schema)).append("</p>");
          }
          html.append("</section>\n");
        });
  }

  /** A schema as a short phrase: a link to a named schema, or its type with format and values. */
  private String type(JsonNode schema) {
    if (schema.has("$ref")) {
      String name = refName(schema.path("$ref").asText());
      return "<a href=\"#schema-" + esc(name) + "\">" + esc(name) + "</a>";
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      List<String> parts = new ArrayList<>();
      schema.path(schema.has("oneOf") ? "oneOf" : "anyOf").forEach(s -> parts.add(type(s)));
      return String.join(" or ", parts);
    }
    List<String> types = new ArrayList<>();
    JsonNode t = schema.path("type");
    if (t.isArray()) {
      t.forEach(x -> types.add(x.asText()));
    } else if (!t.isMissingNode()) {
      types.add(t.asText());
    }
    StringBuilder out = new StringBuilder();
    for (String each : types) {
      if (!out.isEmpty()) {
        out.append(" or ");
      }
      out.append(each.equals("array") ? "array of " + type(schema.path("items")) : esc(each));
    }
    if (out.isEmpty()) {
      out.append("any");
    }
    if (schema.has("format")) {
      out.append(" (").append(esc(schema.path("format").asText())).append(")");
    }
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.isNull() ? "null" : v.asText()));
      out.append(": <code>").append(esc(String.join(" | ", values))).append("</code>");
    }
    if (schema.has("minimum") || schema.has("maximum")) {
      out.append(" [")
          .append(schema.path("minimum").asText("…"))
          .append("…")
          .append(schema.path("maximum").asText(""))
          .append("]");
    }
    return out.toString();
  }

  private JsonNode resolve(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    String[] parts = node.path("$ref").asText().substring(2).split("/");
    JsonNode target = doc;
    for (String part : parts) {
      target = target.path(part);
    }
    return target;
  }

  private static String refName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  private void paragraphs(String text) {
    for (String para : text.strip().split("\n\\s*\n")) {
      if (!para.isBlank()) {
        html.append("<p>").append(inlineCode(esc(para.strip()))).append("</p>\n");
      }
    }
  }

  private static String inlineCode(String escaped) {
    return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  private static String anchor(String method, String path) {
    return method + path.replaceAll("[^A-Za-z0-9]+", "-");
  }

  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE =
      """
      body{font:15px/1.5 system-ui,sans-serif;color:#1d2330;background:#fafbfc;margin:0}
      main{max-width:960px;margin:0 auto;padding:1rem 2rem 4rem}
      h1 small{font-size:.5em;color:#6a7280}
      h2{border-bottom:2px solid #d8dde6;padding-bottom:.2rem;margin-top:2.5rem}
      code{font:13px ui-monospace,monospace;background:#eef1f5;padding:0 .25em;border-radius:3px}
      table{border-collapse:collapse;width:100%;margin:.5rem 0}
      th,td{border:1px solid #d8dde6;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#eef1f5}
      .op,.schema{background:#fff;border:1px solid #d8dde6;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
      .m{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:3px;font-size:.8em;padding:.1em .3em}
      .get{background:#2f7d32}.post{background:#1f5fae}.put{background:#9a6700}.delete{background:#b3261e}.patch{background:#6b3fa0}
      .auth,.note{color:#6a7280;font-size:.9em}
      nav ul{margin:.2rem 0}
      """;
}
