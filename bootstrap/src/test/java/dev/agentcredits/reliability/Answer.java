package dev.agentcredits.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the service answered to one request, when it was sent ({@link System#nanoTime()}) and how
 * long it took; status 0 when no answer came (the connection was refused or broke, as when the
 * service is killed), with the reason in the body.
 */
record Answer(
    String request, int status, HttpHeaders headers, String body, long startedAt, long nanos) {
  static final ObjectMapper JSON = new ObjectMapper();

  static Answer none(String request, Throwable why, long startedAt) {
    return new Answer(
        request,
        0,
        HttpHeaders.of(Map.of(), (a, b) -> true),
        why.toString(),
        startedAt,
        System.nanoTime() - startedAt);
  }

  boolean answered() {
    return status > 0;
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  Duration elapsed() {
    return Duration.ofNanos(nanos);
  }

  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new AssertionError(request + " answered something that is not JSON: " + body, e);
    }
  }

  String text(String field) {
    return json().path(field).asText();
  }

  /** The problem's code, or "" when the answer is no problem. */
  String code() {
    if (status < 400) {
      return "";
    }
    try {
      return JSON.readTree(body).path("code").asText();
    } catch (Exception e) {
      return "";
    }
  }

  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** {@code 201}, {@code 403 insufficient_credits}, {@code no answer}: for tallies. */
  String outcome() {
    if (!answered()) {
      return "no answer";
    }
    String code = code();
    return code.isEmpty() ? Integer.toString(status) : status + " " + code;
  }

  @Override
  public String toString() {
    return request
        + " -> "
        + outcome()
        + " "
        + (body.length() > 400 ? body.substring(0, 400) : body);
  }
}
