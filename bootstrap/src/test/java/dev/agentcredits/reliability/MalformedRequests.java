package dev.agentcredits.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Requests malformed at the HTTP level, sent as raw bytes: bad escapes and bytes that are not UTF-8
 * in the path and headers, unknown methods, HTTP/1.0, a header without a colon or of 20 KB, chunked
 * bodies good and bad, absolute-form targets, impossible Content-Length values, Basic credentials.
 */
final class MalformedRequests {
  private MalformedRequests() {}

  // --- malformed at the HTTP level
  // ----------------------------------------------------------------

  static Fuzzer.Request next(SplittableRandom random, Fuzzer.Targets targets) {
    String host = "Host: 127.0.0.1\r\nConnection: close\r\n";
    String auth = "Authorization: Bearer " + targets.operator() + "\r\n";
    String team = targets.home().id();
    String json = "{\"prompt\": \"raw\"}";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(14)) {
      case 0 ->
          out.writeBytes(
              ("GET /api/v1/teams/%ZZ/billing HTTP/1.1\r\n" + host + auth + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 1 -> {
        out.writeBytes("GET /api/v1/teams/".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28});
        out.writeBytes(
            ("/billing HTTP/1.1\r\n" + host + auth + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      }
      case 2 ->
          out.writeBytes(
              ("GET /api/v1/../../etc/passwd HTTP/1.1\r\n" + host + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 3 ->
          out.writeBytes(
              (pick(random, "FOO", "TRACE", "PROPFIND", "get", "G%T")
                      + " /api/v1/teams/"
                      + team
                      + "/billing HTTP/1.1\r\n"
                      + host
                      + auth
                      + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 4 ->
          out.writeBytes(
              ("GET /api/v1/teams/" + team + "/billing HTTP/1.0\r\n" + auth + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 5 -> {
        out.writeBytes(
            ("GET /api/v1/teams/"
                    + team
                    + "/billing HTTP/1.1\r\n"
                    + host
                    + "Authorization: Bearer ")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFE});
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      case 6 ->
          out.writeBytes(
              ("GET /api/v1/teams/"
                      + team
                      + "/billing HTTP/1.1\r\n"
                      + host
                      + "NoColonHeader\r\n"
                      + auth
                      + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 7 ->
          out.writeBytes(
              ("GET /api/v1/teams/"
                      + team
                      + "/billing HTTP/1.1\r\n"
                      + host
                      + "X-Big: "
                      + "b".repeat(20_000)
                      + "\r\n"
                      + auth
                      + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 8 ->
          out.writeBytes(
              ("POST /api/v1/agent/tasks HTTP/1.1\r\n"
                      + host
                      + auth
                      + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + Integer.toHexString(json.length())
                      + "\r\n"
                      + json
                      + "\r\n0\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 9 ->
          out.writeBytes(
              ("POST /api/v1/agent/tasks HTTP/1.1\r\n"
                      + host
                      + auth
                      + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
                      + json
                      + "\r\n0\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 10 ->
          out.writeBytes(
              ("GET /api/v1/teams/" + team + "/ledger?%ZZ=1 HTTP/1.1\r\n" + host + auth + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 11 ->
          out.writeBytes(
              ("GET http://127.0.0.1/api/v1/openapi.json HTTP/1.1\r\n" + host + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      case 12 ->
          out.writeBytes(
              ("POST /api/v1/agent/tasks HTTP/1.1\r\n"
                      + host
                      + auth
                      + "Content-Type: application/json\r\nContent-Length: "
                      + pick(random, "-1", "abc", "1e3")
                      + "\r\n\r\n"
                      + json)
                  .getBytes(StandardCharsets.ISO_8859_1));
      default ->
          out.writeBytes(
              ("POST /api/v1/agent/tasks HTTP/1.1\r\n"
                      + host
                      + "Authorization: Basic "
                      + Base64.getEncoder().encodeToString("op:x".getBytes(StandardCharsets.UTF_8))
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + json.length()
                      + "\r\n\r\n"
                      + json)
                  .getBytes(StandardCharsets.ISO_8859_1));
    }
    return new Fuzzer.Request("RAW", null, null, Map.of(), null, out.toByteArray());
  }

  private static String pick(SplittableRandom random, String... values) {
    return values[random.nextInt(values.length)];
  }
}
