package dev.agentcredits.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Generates requests against the real routes from a seed: every documented operation with valid and
 * broken bodies (missing and unknown fields, wrong types, huge and negative numbers, long strings,
 * bytes that are not UTF-8, truncated or nested JSON), other methods, content types and paths, with
 * every kind of key and none; and, now and then, a request malformed at the HTTP level. The same
 * seed gives the same sequence of requests.
 */
final class Fuzzer {
  /** Who and what a worker's requests may name: its own teams' ids and keys. */
  record Targets(
      String operator,
      Tenants.Team home,
      Tenants.Team enterprise,
      Tenants.Team victim,
      String revokedKeyId,
      String revokedKey,
      List<String> tasks,
      List<String> victimTasks) {}

  /** One generated request: through the HTTP client, or as raw bytes when {@code raw} is set. */
  record Request(
      String method,
      String path,
      String key,
      Map<String, String> headers,
      byte[] body,
      byte[] raw) {

    String describe() {
      if (raw != null) {
        String line = new String(raw, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        return "RAW " + (line.length() > 120 ? line.substring(0, 120) + "..." : line);
      }
      String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return method + " " + clip(path) + " key=" + clip(key) + " " + headers + " " + clip(shown);
    }

    private static String clip(String s) {
      return s == null ? "none" : s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
  }

  private record Op(String method, String template, Supplier<Map<String, Object>> body) {}

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private final SplittableRandom random;
  private final Targets targets;
  private final List<Op> ops;
  private long serial;

  Fuzzer(long seed, Targets targets) {
    this.random = new SplittableRandom(seed);
    this.targets = targets;
    this.ops = operations();
  }

  private List<Op> operations() {
    return List.of(
        new Op(
            "POST",
            "/api/v1/teams",
            () ->
                map(
                    "name",
                    "Fuzz " + serial,
                    "plan",
                    pick("BUILD", "MAX", "BUSINESS", "ENTERPRISE", "PRO"),
                    "owner_email",
                    "f" + serial + "@fuzz.test")),
        new Op(
            "POST",
            "/api/v1/teams/{team_id}/members",
            () -> map("email", "m" + serial + "@fuzz.test", "role", pick("ADMIN", "MEMBER"))),
        new Op("POST", "/api/v1/teams/{team_id}/api-keys", () -> map("name", "k" + serial)),
        new Op("DELETE", "/api/v1/teams/{team_id}/api-keys/{key_id}", null),
        new Op(
            "POST",
            "/api/v1/teams/{team_id}/grants",
            () -> map("credits", random.nextInt(1, 1000), "expires_at", "2040-01-01T00:00:00Z")),
        new Op(
            "POST",
            "/api/v1/agent/tasks",
            () ->
                random.nextInt(4) == 0
                    ? map("prompt", "fuzz " + serial, "schedule_id", "s" + serial)
                    : map("prompt", "fuzz " + serial)),
        new Op("GET", "/api/v1/agent/tasks/{task_id}", null),
        new Op(
            "POST",
            "/api/v1/agent/tasks/{task_id}/usage",
            () -> map("usage_id", "fz-" + serial, "credits", random.nextInt(1, 50))),
        new Op("POST", "/api/v1/agent/tasks/{task_id}/complete", null),
        new Op("POST", "/api/v1/agent/tasks/{task_id}/retry", null),
        new Op("GET", "/api/v1/teams/{team_id}/billing", null),
        new Op("GET", "/api/v1/teams/{team_id}/members/{member_id}/pool", null),
        new Op("GET", "/api/v1/teams/{team_id}/pool", null),
        new Op(
            "POST",
            "/api/v1/teams/{team_id}/members/{member_id}/add-on-purchases",
            () -> map("denomination_credits", pick(400, 1000, 3000, 6500))),
        new Op(
            "PUT",
            "/api/v1/teams/{team_id}/members/{member_id}/auto-reload",
            () ->
                map(
                    "enabled",
                    random.nextBoolean(),
                    "denomination_credits",
                    pick(400, 1000),
                    "threshold_credits",
                    random.nextInt(0, 500))),
        new Op(
            "PUT",
            "/api/v1/teams/{team_id}/spend-cap",
            () -> map("monthly_limit_cents", random.nextInt(0, 100_000))),
        new Op("GET", "/api/v1/teams/{team_id}/ledger", null),
        new Op("POST", "/api/v1/ops/clock", () -> map("advance_seconds", 0)),
        new Op("PUT", "/api/v1/ops/teams/{team_id}/payments", () -> map("declined", false)),
        new Op("GET", "/api/v1/openapi.json", null),
        new Op("GET", "/health/ready", null),
        new Op("GET", "/metrics", null));
  }

  Request next() {
    serial++;
    if (random.nextInt(100) < 8) {
      return MalformedRequests.next(random, targets);
    }
    Op op = ops.get(random.nextInt(ops.size()));
    String method =
        random.nextInt(100) < 88 ? op.method() : METHODS.get(random.nextInt(METHODS.size()));
    String path = fill(op.template());
    if (random.nextInt(100) < 10) {
      path = mutatePath(path);
    }
    if (op.template().endsWith("/ledger") || random.nextInt(100) < 4) {
      path += query();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    byte[] body = null;
    if (op.body() != null || random.nextInt(100) < 8) {
      Map<String, Object> fields = op.body() != null ? op.body().get() : map("x", 1);
      body = body(fields);
      headers.put("Content-Type", contentType());
    }
    if (random.nextInt(100) < 25) {
      headers.put("Idempotency-Key", idempotencyKey());
    }
    if (path.contains("/payments") && body != null) {
      // never make the simulated gateway decline: a declined auto-reload turns auto-reload off on
      // a refused submission by design (rule 17), which would read as a change made by a 4xx
      body =
          new String(body, StandardCharsets.UTF_8)
              .replace("true", "false")
              .getBytes(StandardCharsets.UTF_8);
    }
    return new Request(method, path, key(), headers, body, null);
  }

  // --- paths ------------------------------------------------------------------------------------

  private String fill(String template) {
    return template
        .replace("{team_id}", teamId())
        .replace("{member_id}", memberId())
        .replace("{task_id}", taskId())
        .replace("{key_id}", keyId());
  }

  private String teamId() {
    int dice = random.nextInt(100);
    if (dice < 50) {
      return targets.home().id();
    }
    if (dice < 62) {
      return targets.enterprise().id();
    }
    if (dice < 75) {
      return targets.victim().id();
    }
    return junkSegment("team_");
  }

  private String memberId() {
    int dice = random.nextInt(100);
    List<Tenants.Member> home = targets.home().everyone();
    if (dice < 45) {
      return home.get(random.nextInt(home.size())).id();
    }
    if (dice < 65) {
      return "me";
    }
    if (dice < 78) {
      return targets.victim().member().id();
    }
    return junkSegment("mem_");
  }

  private String taskId() {
    int dice = random.nextInt(100);
    if (dice < 65) {
      return targets.tasks().get(random.nextInt(targets.tasks().size()));
    }
    if (dice < 80) {
      return targets.victimTasks().get(random.nextInt(targets.victimTasks().size()));
    }
    return junkSegment("task_");
  }

  private String keyId() {
    int dice = random.nextInt(100);
    if (dice < 40) {
      return targets.home().teamKeyId();
    }
    if (dice < 60) {
      return targets.revokedKeyId();
    }
    if (dice < 75) {
      return targets.victim().teamKeyId();
    }
    return junkSegment("key_");
  }

  /** A path segment an HTTP client can send (percent-encoded) that names nothing real. */
  private String junkSegment(String prefix) {
    return pick(
        prefix + Long.toString(random.nextLong() & Long.MAX_VALUE, 36),
        "x",
        "%00",
        "%2F",
        "%2e%2e",
        "..",
        "a".repeat(300),
        "%FF%FE",
        "%C3%A9t%C3%A9",
        "%F0%9F%92%A5",
        "null",
        "-1",
        "1e9",
        "%20",
        "*",
        "%7Bteam_id%7D",
        "%27%20OR%201%3D1%20--",
        "%3Cscript%3E");
  }

  private String mutatePath(String path) {
    return switch (random.nextInt(9)) {
      case 0 -> path + "/";
      case 1 -> path + "/extra";
      case 2 -> path.substring(0, Math.max(1, path.lastIndexOf('/')));
      case 3 -> path.replaceFirst("/api/v1", "/api/v2");
      case 4 -> path.replace("/", "//");
      case 5 -> path.toUpperCase(java.util.Locale.ROOT);
      case 6 -> path + "/" + "z".repeat(9000);
      case 7 -> "/api/v1/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
      default -> path.replace("/api/v1/", "/api/v1/../v1/");
    };
  }

  private String query() {
    return "?"
        + pick(
            "limit=" + random.nextInt(1, 201),
            "limit=0",
            "limit=-1",
            "limit=201",
            "limit=abc",
            "limit=",
            "limit=1.5",
            "limit=99999999999999999999",
            "cursor=" + random.nextInt(1, 1000),
            "cursor=0",
            "cursor=-5",
            "cursor=zzz",
            "limit=10&cursor=%FF",
            "limit=10&limit=20",
            "unknown=1",
            "x=" + "q".repeat(3000));
  }

  // --- keys and headers
  // ---------------------------------------------------------------------------

  private String key() {
    int dice = random.nextInt(100);
    if (dice < 25) {
      return targets.operator();
    }
    if (dice < 40) {
      return targets.home().owner().key();
    }
    if (dice < 48) {
      return targets.home().admin().key();
    }
    if (dice < 60) {
      return targets.home().member().key();
    }
    if (dice < 70) {
      return targets.home().teamKey();
    }
    if (dice < 75) {
      return targets.revokedKey();
    }
    if (dice < 80) {
      return targets.victim().owner().key();
    }
    if (dice < 85) {
      return targets.enterprise().member().key();
    }
    if (dice < 95) {
      return null;
    }
    return pick(
        "x",
        "Bearer",
        "k".repeat(300),
        "ac_mk_" + Long.toString(random.nextLong(), 36),
        "two words");
  }

  private String contentType() {
    return random.nextInt(100) < 80
        ? "application/json"
        : pick(
            "application/json; charset=utf-8",
            "application/json; charset=iso-8859-1",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/xml",
            "multipart/form-data; boundary=x",
            "application/problem+json",
            "application/JSON",
            "*/*",
            "json");
  }

  private String idempotencyKey() {
    return random.nextInt(100) < 75
        ? "fk-" + random.nextInt(0, 50)
        : pick(
            "",
            " ",
            "k".repeat(300),
            "with space",
            "%",
            "ключ-non-ascii".replaceAll("[^\\x21-\\x7e]", "?"));
  }

  // --- bodies
  // -------------------------------------------------------------------------------------

  private byte[] body(Map<String, Object> fields) {
    int mutations = random.nextInt(100) < 30 ? 0 : random.nextInt(1, 4);
    for (int i = 0; i < mutations; i++) {
      mutateFields(fields);
    }
    byte[] json = Json.write(fields).getBytes(StandardCharsets.UTF_8);
    if (random.nextInt(100) < 25) {
      json = mutateBytes(json, fields);
    }
    return json;
  }

  private void mutateFields(Map<String, Object> fields) {
    List<String> names = new ArrayList<>(fields.keySet());
    switch (random.nextInt(4)) {
      case 0 -> {
        if (!names.isEmpty()) {
          fields.remove(names.get(random.nextInt(names.size())));
        }
      }
      case 1 -> fields.put("extra_" + random.nextInt(5), weird());
      case 2 -> {
        if (!names.isEmpty()) {
          fields.put(names.get(random.nextInt(names.size())), weird());
        }
      }
      default -> {
        if (!names.isEmpty()) {
          String name = names.get(random.nextInt(names.size()));
          fields.put(name.toUpperCase(java.util.Locale.ROOT), fields.remove(name));
        }
      }
    }
  }

  private Object weird() {
    return switch (random.nextInt(24)) {
      case 0 -> -1;
      case 1 -> 0;
      case 2 -> 1.5;
      case 3 -> 1e308;
      case 4 -> -1e308;
      case 5 -> Long.MAX_VALUE;
      case 6 -> new java.math.BigInteger("9223372036854775808");
      case 7 -> new java.math.BigInteger("-9223372036854775809");
      case 8 -> new java.math.BigInteger("100000000000000000000000000000");
      case 9 -> "";
      case 10 -> "x".repeat(random.nextInt(100, 70_000));
      case 11 -> "\uD83D\uDCA5 émoji";
      case 12 -> "\u0000";
      case 13 -> true;
      case 14 -> false;
      case 15 -> Json.NULL;
      case 16 -> List.of();
      case 17 -> map();
      case 18 -> List.of(1, 2);
      case 19 -> map("a", 1);
      case 20 -> "2040-13-45T99:00:00Z";
      case 21 -> "../../etc/passwd";
      case 22 -> "' OR 1=1 --";
      default -> "12";
    };
  }

  private byte[] mutateBytes(byte[] json, Map<String, Object> fields) {
    String text = new String(json, StandardCharsets.UTF_8);
    return switch (random.nextInt(10)) {
      case 0 -> java.util.Arrays.copyOf(json, random.nextInt(json.length + 1));
      case 1 -> {
        String first = fields.keySet().stream().findFirst().orElse("a");
        yield text.replaceFirst("\\{", "{\"" + first + "\": 1, ").getBytes(StandardCharsets.UTF_8);
      }
      case 2 -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = text.indexOf('"') + 1;
        out.write(json, 0, Math.max(0, at));
        byte[][] bad = {
          {(byte) 0xC3, 0x28},
          {(byte) 0xFF},
          {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
          {(byte) 0xF8, (byte) 0x88}
        };
        out.writeBytes(bad[random.nextInt(bad.length)]);
        out.write(json, Math.max(0, at), json.length - Math.max(0, at));
        yield out.toByteArray();
      }
      case 3 -> "[".repeat(5_000).concat("]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
      case 4 -> "{\"a\":".repeat(3_000).getBytes(StandardCharsets.UTF_8);
      case 5 ->
          pick(
                  "",
                  "null",
                  "[]",
                  "1",
                  "\"x\"",
                  "{",
                  "{}}",
                  "{}",
                  "NaN",
                  "{\"a\": NaN}",
                  "{\"a\": 01}",
                  "{'a': 1}",
                  "{\"a\": 1,}",
                  "/* c */ {}")
              .getBytes(StandardCharsets.UTF_8);
      case 6 -> {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes(json);
        yield out.toByteArray();
      }
      case 7 -> text.getBytes(StandardCharsets.UTF_16);
      case 8 -> ("{\"pad\": \"" + "p".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      default -> text.replace(":", ": \u00a0").getBytes(StandardCharsets.UTF_8);
    };
  }

  // --- helpers
  // ------------------------------------------------------------------------------------

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** JSON text from maps, lists, strings, numbers and booleans. */
  static final class Json {
    static final Object NULL = new Object();

    static String write(Object value) {
      try {
        return Answer.JSON.writeValueAsString(value == NULL ? null : normalise(value));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private static Object normalise(Object value) {
      if (value == NULL) {
        return null;
      }
      if (value instanceof Map<?, ?> map) {
        Map<Object, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, normalise(v)));
        return copy;
      }
      return value;
    }
  }
}
