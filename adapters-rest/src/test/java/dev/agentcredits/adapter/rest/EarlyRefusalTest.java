package dev.agentcredits.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Requests refused before they are read through still get their problem answer. */
class EarlyRefusalTest {
  private static RestApi api;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        RestFixtures.api(
                new StubApplication().build(),
                RestSettings.of(List.of(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)))
            .start(0);
  }

  @AfterAll
  static void stop() {
    api.stop();
  }

  @Test
  void answers_a_put_jetty_refuses_before_routing_with_a_problem_like_a_get() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket
          .getOutputStream()
          .write(
              ("PUT /api/v1/teams/%FF%FE/spend-cap HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                      + "Content-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json")
          .contains("\"code\":\"invalid_request\"");
    }
  }

  /**
   * A refusal decided before the body is read (here: no key) waits for the body, so the connection
   * stays usable: answered early, Jetty would close it under the client's upload, and the client
   * could lose the answer to a reset, or its next request on the connection.
   */
  @Test
  void answers_a_request_refused_before_its_body_arrived_and_keeps_the_connection()
      throws Exception {
    String body = "{\"monthly_limit_cents\": 1}";
    try (var socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(1_000);
      var out = socket.getOutputStream();
      out.write(
          ("PUT /api/v1/teams/t1/spend-cap HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                  + "\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(300);
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(100);
      out.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var answers = new java.io.ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(answers);
      } catch (java.net.SocketTimeoutException e) {
        // the connection stays open: everything that came is in
      }
      String text = answers.toString(StandardCharsets.UTF_8);

      assertThat(text).startsWith("HTTP/1.1 401").doesNotContain("Connection: close");
      assertThat(text).contains("HTTP/1.1 200");
    }
  }

  /** Jetty closes a connection whose request it could not read; the answer must say so. */
  @Test
  void says_it_closes_the_connection_after_a_request_it_could_not_read() throws Exception {
    try (var socket = new java.net.Socket("127.0.0.1", api.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /api/v1/teams/" + "z".repeat(9_000) + "/billing HTTP/1.1\r\nHost: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("Connection: close")
          .contains("\"code\":\"invalid_request\"");
    }
  }
}
