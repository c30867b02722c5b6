package dev.agentcredits.bootstrap.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of the service over real HTTP. Every answer is checked against the OpenAPI document
 * before a test sees it, and counts towards the document's coverage.
 */
public final class Api {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  Api(int port) {
    this.port = port;
  }

  public Reply get(String path, String key) {
    return request("GET", path).key(key).send();
  }

  public Reply post(String path, String key, String json) {
    return request("POST", path).key(key).json(json).send();
  }

  public Reply put(String path, String key, String json) {
    return request("PUT", path).key(key).json(json).send();
  }

  public Reply delete(String path, String key) {
    return request("DELETE", path).key(key).send();
  }

  Call request(String method, String path) {
    return new Call(method, path);
  }

  /** One request being put together. */
  final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call key(String key) {
      if (key != null) {
        headers.put("Authorization", "Bearer " + key);
      }
      return this;
    }

    Call json(String json) {
      headers.put("Content-Type", "application/json");
      this.body = json;
      return this;
    }

    Call body(String contentType, String raw) {
      headers.put("Content-Type", contentType);
      this.body = raw;
      return this;
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Reply send() {
      var builder =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(builder::header);
      HttpResponse<String> response;
      try {
        response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AssertionError(method + " " + path + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      Reply reply =
          new Reply(
              method + " " + path, response.statusCode(), response.headers(), response.body());
      ContractCoverage.check(method, path, reply);
      return reply;
    }
  }
}
