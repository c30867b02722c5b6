package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.reliability.Tenants.Member;
import dev.agentcredits.reliability.Tenants.Team;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a key, called by each kind of caller: exactly the callers API.md's
 * "who" columns allow succeed, every other one is refused (401 without a valid key, 403 or 404
 * otherwise) and changes nothing. Afterwards no key issued during the run appears in plaintext in
 * any text column of the database, nor in anything the service logged.
 */
class AuthorizationMatrixIT {
  enum Caller {
    OPERATOR,
    OWNER,
    ADMIN,
    MEMBER,
    TEAM_KEY,
    OTHER_TEAMS_OWNER,
    NO_KEY,
    REVOKED_KEY
  }

  private static final String OPERATOR = InProcessService.OPERATOR_KEY;
  private static final Figures FIGURES = new Figures(AuthorizationMatrixIT.class);
  private static final Set<String> KEYS = new LinkedHashSet<>();

  private static String schema;
  private static LogCapture logs;
  private static InProcessService service;
  private static Http http;

  /** The teams of the matrix: B (BUILD), E (ENTERPRISE), and the other team's owner. */
  private static Team b;

  private static Team e;
  private static Team other;
  private static Member drained;
  private static String revokedB;
  private static String revokedE;
  private static final List<String> failedTasks = new ArrayList<>();

  /**
   * One endpoint: how to call it as a caller on a team (making what the call needs first, as the
   * operator), who may, and a note where API.md says nothing and the current behaviour is the spec.
   */
  private record Endpoint(
      String name,
      Set<Caller> allowed,
      String note,
      boolean onE,
      Supplier<Function<String, Answer>> prepare,
      Map<Caller, String> refusal) {

    /** A refusal other than 403 not_authorized (or 404 for another team's run) that is the spec. */
    Endpoint refusing(Caller caller, String outcome) {
      Map<Caller, String> more = new LinkedHashMap<>(refusal);
      more.put(caller, outcome);
      return new Endpoint(name, allowed, note, onE, prepare, more);
    }
  }

  private static Endpoint endpoint(
      String name,
      Set<Caller> allowed,
      String note,
      boolean onE,
      Supplier<Function<String, Answer>> prepare) {
    return new Endpoint(name, allowed, note, onE, prepare, Map.of());
  }

  @BeforeAll
  static void start() {
    logs = new LogCapture();
    TestPostgres db = TestPostgres.get();
    schema = TestPostgres.uniqueName("rel_authz");
    service = InProcessService.on(db.urlFor("reliability-authz"), schema).start();
    http = service.http();
    KEYS.add(OPERATOR);
    Tenants tenants = new Tenants(http, OPERATOR);
    b = tenants.create("BUILD", 1, 1, true);
    e = tenants.create("ENTERPRISE", 1, 1, true);
    tenants.grant(e, 10_000);
    other = tenants.create("BUILD", 0, 0, false);
    drained = tenants.addMember(b.id(), "MEMBER", "drained-" + UUID.randomUUID());
    revokedB = revokedKey(b);
    revokedE = revokedKey(e);
    for (Team team : List.of(b, e, other)) {
      team.everyone().forEach(m -> KEYS.add(m.key()));
      if (team.teamKey() != null) {
        KEYS.add(team.teamKey());
      }
    }
    KEYS.add(drained.key());
    prepareFailedTasks();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (logs != null) {
      logs.close();
    }
    if (schema != null) {
      TestPostgres.get().dropSchema(schema);
    }
    FIGURES.write();
  }

  @Test
  void exactly_the_allowed_callers_succeed_and_no_key_is_kept_or_logged_in_plaintext()
      throws Exception {
    Set<Caller> admins = EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.ADMIN);
    Set<Caller> members = EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.ADMIN, Caller.MEMBER);
    Set<Caller> anyKeyOfTheTeam =
        EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.ADMIN, Caller.MEMBER, Caller.TEAM_KEY);
    String silent = "API.md names nobody: the current behaviour (any key of the team) is the spec";
    // a MEMBER acts on their own runs only: retrying another's would spend that member's pool
    Set<Caller> runsOfOthers =
        EnumSet.of(Caller.OPERATOR, Caller.OWNER, Caller.ADMIN, Caller.TEAM_KEY);
    String mineOnly =
        "API.md names nobody: any key of the team, but a MEMBER only on runs they started";
    List<Endpoint> endpoints =
        List.of(
            endpoint(
                "POST /teams",
                EnumSet.of(Caller.OPERATOR),
                "",
                false,
                () ->
                    key ->
                        http.post(
                            "/api/v1/teams",
                            key,
                            "{\"name\": \"M\", \"plan\": \"BUILD\", \"owner_email\": \"o-"
                                + UUID.randomUUID()
                                + "@m.test\"}")),
            endpoint(
                "POST /teams/{t}/members",
                admins,
                "",
                false,
                () ->
                    key ->
                        http.post(
                            b.path() + "/members",
                            key,
                            "{\"email\": \"n-"
                                + UUID.randomUUID()
                                + "@m.test\", \"role\": \"MEMBER\"}")),
            endpoint(
                "POST /teams/{t}/api-keys",
                admins,
                "",
                false,
                () -> key -> http.post(b.path() + "/api-keys", key, "{\"name\": \"matrix\"}")),
            endpoint(
                "DELETE /teams/{t}/api-keys/{k}",
                admins,
                "",
                false,
                () -> {
                  String keyId = freshKeyId(b);
                  return key -> http.delete(b.path() + "/api-keys/" + keyId, key);
                }),
            endpoint(
                "DELETE /teams/{t}/members/{m}",
                admins,
                "",
                false,
                () -> {
                  Member removable = freshMember(b);
                  return key -> http.delete(b.path() + "/members/" + removable.id(), key);
                }),
            endpoint(
                "POST /teams/{t}/members/{m}/api-key",
                admins,
                "",
                false,
                () -> {
                  Member rotated = freshMember(b);
                  return key -> {
                    Answer answer =
                        http.post(b.path() + "/members/" + rotated.id() + "/api-key", key, null);
                    if (answer.status() == 200) {
                      KEYS.add(answer.text("api_key"));
                    }
                    return answer;
                  };
                }),
            endpoint(
                "POST /teams/{t}/grants (ENTERPRISE)",
                EnumSet.of(Caller.OPERATOR),
                "",
                true,
                () ->
                    key ->
                        http.post(
                            e.path() + "/grants",
                            key,
                            "{\"credits\": 100, \"expires_at\": \"2040-01-01T00:00:00Z\"}")),
            endpoint(
                    "POST /agent/tasks",
                    EnumSet.of(
                        Caller.OWNER,
                        Caller.ADMIN,
                        Caller.MEMBER,
                        Caller.TEAM_KEY,
                        Caller.OTHER_TEAMS_OWNER),
                    "API.md: member and team keys submit runs; the operator key is refused with"
                        + " 400 (the e2e BadInputTest's spec); another team's owner submits to"
                        + " their own team, B and E unchanged",
                    false,
                    () -> key -> http.post("/api/v1/agent/tasks", key, "{\"prompt\": \"matrix\"}"))
                .refusing(Caller.OPERATOR, "400 invalid_request"),
            endpoint(
                "GET /agent/tasks/{id} (a member's own run)",
                anyKeyOfTheTeam,
                silent,
                false,
                () -> {
                  String task = freshTask();
                  return key -> http.get("/api/v1/agent/tasks/" + task, key);
                }),
            endpoint(
                "GET /agent/tasks/{id} (the owner's run)",
                runsOfOthers,
                mineOnly,
                false,
                () -> {
                  String task = freshTaskOf(b.owner());
                  return key -> http.get("/api/v1/agent/tasks/" + task, key);
                }),
            endpoint(
                "POST /agent/tasks/{id}/complete (the owner's run)",
                runsOfOthers,
                mineOnly,
                false,
                () -> {
                  String task = freshTaskOf(b.owner());
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/complete", key, null);
                }),
            endpoint(
                "POST /agent/tasks/{id}/usage",
                EnumSet.of(Caller.OPERATOR, Caller.TEAM_KEY),
                "",
                false,
                () -> {
                  String task = freshTask();
                  String usage = "{\"usage_id\": \"u-" + UUID.randomUUID() + "\", \"credits\": 1}";
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/usage", key, usage);
                }),
            endpoint(
                "POST /agent/tasks/{id}/complete (a member's own run)",
                anyKeyOfTheTeam,
                silent,
                false,
                () -> {
                  String task = freshTask();
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/complete", key, null);
                }),
            endpoint(
                "POST /agent/tasks/{id}/retry (another member's run)",
                runsOfOthers,
                mineOnly,
                false,
                () -> {
                  String task = failedTasks.removeFirst();
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/retry", key, null);
                }),
            endpoint(
                "GET /teams/{t}/billing",
                members,
                "",
                false,
                () -> key -> http.get(b.path() + "/billing", key)),
            endpoint(
                "GET /teams/{t}/members/{m}/pool",
                members,
                "",
                false,
                () -> key -> http.get(b.path() + "/members/" + b.member().id() + "/pool", key)),
            endpoint(
                "GET /teams/{t}/pool (ENTERPRISE)",
                members,
                "",
                true,
                () -> key -> http.get(e.path() + "/pool", key)),
            endpoint(
                "POST /teams/{t}/members/{m}/add-on-purchases",
                members,
                "",
                false,
                () ->
                    key ->
                        http.post(
                            b.path() + "/members/" + b.member().id() + "/add-on-purchases",
                            key,
                            "{\"denomination_credits\": 400}")),
            endpoint(
                "PUT /teams/{t}/payment-method",
                admins,
                "",
                false,
                () ->
                    key ->
                        http.put(
                            b.path() + "/payment-method",
                            key,
                            "{\"stripe_customer_id\": \"cus_a\", \"payment_method_id\": \"pm_a\"}")),
            endpoint(
                "POST /teams/{t}/payment-method/setup-session",
                admins,
                "",
                false,
                () ->
                    key ->
                        http.post(
                            b.path() + "/payment-method/setup-session",
                            key,
                            "{\"return_url\": \"https://billing.example.com/\"}")),
            endpoint(
                "POST /teams/{t}/payment-method/setup-session/{s}/complete",
                admins,
                "",
                false,
                () -> {
                  String session =
                      http.post(
                              b.path() + "/payment-method/setup-session",
                              OPERATOR,
                              "{\"return_url\": \"https://billing.example.com/\"}")
                          .json()
                          .path("session_id")
                          .asText();
                  return key ->
                      http.post(
                          b.path() + "/payment-method/setup-session/" + session + "/complete",
                          key,
                          null);
                }),
            endpoint(
                "GET /teams/{t}/payment-method",
                admins,
                "",
                false,
                () -> {
                  http.put(
                      b.path() + "/payment-method",
                      OPERATOR,
                      "{\"stripe_customer_id\": \"cus_a\", \"payment_method_id\": \"pm_a\"}");
                  return key -> http.get(b.path() + "/payment-method", key);
                }),
            endpoint(
                "GET /teams/{t}/members/{m}/add-on-purchases",
                members,
                "",
                false,
                () ->
                    key ->
                        http.get(
                            b.path() + "/members/" + b.member().id() + "/add-on-purchases", key)),
            endpoint(
                "POST /teams/{t}/members/{m}/add-on-purchases/{p}/refund",
                admins,
                "refunding an already refunded lot answers the same",
                false,
                () -> {
                  String purchase =
                      http.post(
                              b.path() + "/members/" + b.member().id() + "/add-on-purchases",
                              OPERATOR,
                              "{\"denomination_credits\": 400}")
                          .text("purchase_id");
                  return key ->
                      http.post(
                          b.path()
                              + "/members/"
                              + b.member().id()
                              + "/add-on-purchases/"
                              + purchase
                              + "/refund",
                          key,
                          null);
                }),
            endpoint(
                "PUT /teams/{t}/members/{m}/auto-reload",
                members,
                "",
                false,
                () ->
                    key ->
                        http.put(
                            b.path() + "/members/" + b.member().id() + "/auto-reload",
                            key,
                            "{\"enabled\": false, \"denomination_credits\": 400}")),
            endpoint(
                "PUT /teams/{t}/spend-cap",
                admins,
                "",
                false,
                () ->
                    key ->
                        http.put(b.path() + "/spend-cap", key, "{\"monthly_limit_cents\": 20000}")),
            endpoint(
                "PUT /teams/{t}/member-limits",
                admins,
                "null: no default, so the other rows' runs are not limited",
                false,
                () ->
                    key ->
                        http.put(
                            b.path() + "/member-limits",
                            key,
                            "{\"default_monthly_credits\": null}")),
            endpoint(
                "GET /teams/{t}/member-limits",
                admins,
                "an addition to API.md: the default and every member's limit",
                false,
                () -> key -> http.get(b.path() + "/member-limits", key)),
            endpoint(
                "PUT /teams/{t}/members/{m}/limit",
                admins,
                "null: the team's default",
                false,
                () ->
                    key ->
                        http.put(
                            b.path() + "/members/" + b.member().id() + "/limit",
                            key,
                            "{\"monthly_credits\": null}")),
            endpoint(
                "GET /teams/{t}/members/{m}/limit (the member's own)",
                members,
                "",
                false,
                () -> key -> http.get(b.path() + "/members/" + b.member().id() + "/limit", key)),
            endpoint(
                "GET /teams/{t}/members/{owner}/limit",
                admins,
                "a member reading another member's limit is not authorized",
                false,
                () -> key -> http.get(b.path() + "/members/" + b.owner().id() + "/limit", key)),
            endpoint(
                "GET /teams/{t}/ledger",
                members,
                "a member sees their own pool's entries",
                false,
                () -> key -> http.get(b.path() + "/ledger?limit=200", key)),
            endpoint(
                "GET /agent/tasks?team_id={t}",
                anyKeyOfTheTeam,
                "a MEMBER lists the runs they started",
                false,
                () -> key -> http.get("/api/v1/agent/tasks?team_id=" + b.id(), key)),
            endpoint(
                "GET /agent/tasks?member_id={owner}",
                runsOfOthers,
                "a MEMBER naming another member is refused, not narrowed",
                false,
                () ->
                    key ->
                        http.get(
                            "/api/v1/agent/tasks?team_id="
                                + b.id()
                                + "&member_id="
                                + b.owner().id(),
                            key)),
            endpoint(
                "POST /agent/tasks/{id}/cancel (a member's own run)",
                anyKeyOfTheTeam,
                "as for complete",
                false,
                () -> {
                  String task = freshTask();
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/cancel", key, null);
                }),
            endpoint(
                "POST /agent/tasks/{id}/cancel (the owner's run)",
                runsOfOthers,
                mineOnly,
                false,
                () -> {
                  String task = freshTaskOf(b.owner());
                  return key -> http.post("/api/v1/agent/tasks/" + task + "/cancel", key, null);
                }),
            endpoint(
                "GET /teams/{t}/members",
                members,
                "a MEMBER sees only themselves",
                false,
                () -> key -> http.get(b.path() + "/members", key)),
            endpoint(
                "GET /teams/{t}/api-keys",
                admins,
                "",
                false,
                () -> key -> http.get(b.path() + "/api-keys", key)),
            endpoint(
                "GET /teams/{t}/usage",
                members,
                "as for the ledger: a member sees their own pool",
                false,
                () -> key -> http.get(b.path() + "/usage", key)),
            endpoint(
                "GET /teams/{t}/alerts",
                members,
                "any member; a MEMBER sees the team's alerts and their own pool's",
                false,
                () -> key -> http.get(b.path() + "/alerts", key)),
            endpoint(
                "GET /teams/{t}/alerts (ENTERPRISE)",
                members,
                "",
                true,
                () -> key -> http.get(e.path() + "/alerts", key)),
            endpoint(
                "POST /ops/clock",
                EnumSet.of(Caller.OPERATOR),
                "",
                false,
                () -> key -> http.post("/api/v1/ops/clock", key, "{\"advance_seconds\": 0}")),
            endpoint(
                "PUT /ops/teams/{t}/payments",
                EnumSet.of(Caller.OPERATOR),
                "",
                false,
                () ->
                    key ->
                        http.put(
                            "/api/v1/ops/teams/" + b.id() + "/payments",
                            key,
                            "{\"declined\": false}")));

    List<String> wrong = new ArrayList<>();
    Map<String, Map<Caller, String>> table = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      Map<Caller, String> row = new LinkedHashMap<>();
      for (Caller caller : Caller.values()) {
        Function<String, Answer> call = endpoint.prepare().get();
        Snapshot before = Snapshot.of(schema, b.id(), e.id());
        Answer answer = call.apply(key(caller, endpoint.onE() ? e : b));
        keep(answer);
        boolean allowed = endpoint.allowed().contains(caller);
        row.put(caller, (answer.ok() == allowed ? "" : "WRONG ") + answer.outcome());
        if (answer.ok() != allowed) {
          wrong.add(endpoint.name() + " as " + caller + ": " + answer);
        }
        if (!allowed) {
          String expected =
              caller == Caller.NO_KEY || caller == Caller.REVOKED_KEY
                  ? "401 authentication_required"
                  : endpoint
                      .refusal()
                      .getOrDefault(
                          caller,
                          answer.status() == 404 ? "404 resource_not_found" : "403 not_authorized");
          if (!answer.outcome().equals(expected)) {
            wrong.add(endpoint.name() + " as " + caller + " should be " + expected + ": " + answer);
          }
          if (!Snapshot.of(schema, b.id(), e.id()).equals(before)) {
            wrong.add(endpoint.name() + " as " + caller + " was refused yet changed something");
          }
        }
      }
      table.put(endpoint.name(), row);
    }
    assertThat(memberLedgerShowsOnlyOwnPool()).isTrue();

    long[] scanned = {0};
    List<String> inDatabase = Secrets.inDatabase(schema, KEYS, scanned);
    List<String> logLines = logs.lines();
    List<String> inLogs = Secrets.inText(logLines, KEYS);
    // the scans can find what is there: the owner's key hash, and a key in a line
    String ownerHash = sha256(b.owner().key());
    assertThat(Secrets.inDatabase(schema, List.of(ownerHash), new long[1])).isNotEmpty();
    assertThat(Secrets.inText(List.of("x " + b.owner().key() + " y"), KEYS)).isNotEmpty();
    assertThat(logLines).anyMatch(line -> line.contains("POST /api/v1/teams/{team_id}/api-keys"));

    FIGURES.add(
        "%d endpoints x %d callers = %d cells:",
        endpoints.size(), Caller.values().length, endpoints.size() * Caller.values().length);
    table.forEach((name, row) -> FIGURES.add("  %-45s %s", name, row));
    endpoints.stream()
        .filter(ep -> !ep.note().isEmpty())
        .forEach(ep -> FIGURES.add("  note %s: %s", ep.name(), ep.note()));
    FIGURES.add(
        "%d keys issued; %d database values scanned, %d log lines scanned: %d and %d"
            + " plaintext keys found",
        KEYS.size(), scanned[0], logLines.size(), inDatabase.size(), inLogs.size());
    assertThat(wrong).isEmpty();
    assertThat(inDatabase).isEmpty();
    assertThat(inLogs).isEmpty();
    assertThat(http.violations()).isEmpty();
  }

  private static String key(Caller caller, Team team) {
    return switch (caller) {
      case OPERATOR -> OPERATOR;
      case OWNER -> team.owner().key();
      case ADMIN -> team.admin().key();
      case MEMBER -> team.member().key();
      case TEAM_KEY -> team.teamKey();
      case OTHER_TEAMS_OWNER -> other.owner().key();
      case NO_KEY -> null;
      case REVOKED_KEY -> team == b ? revokedB : revokedE;
    };
  }

  /** Keys a successful call hands out join the ones to look for. */
  private static void keep(Answer answer) {
    if (answer.ok() && answer.body().contains("api_key")) {
      var json = answer.json();
      if (json.has("api_key")) {
        KEYS.add(json.path("api_key").asText());
      }
      if (json.path("owner").has("api_key")) {
        KEYS.add(json.path("owner").path("api_key").asText());
      }
    }
  }

  /** A queued run of B's member, made by the member for the cell that uses it. */
  private static String freshTask() {
    return freshTaskOf(b.member());
  }

  private static String freshTaskOf(Member starter) {
    Answer submitted = http.post("/api/v1/agent/tasks", starter.key(), "{\"prompt\": \"cell\"}");
    Tenants.expect(submitted, 201);
    return submitted.text("task_id");
  }

  /** A MEMBER of the team, made by the operator for the cell that removes it or rotates its key. */
  private static Member freshMember(Team team) {
    Member member =
        new Tenants(http, OPERATOR).addMember(team.id(), "MEMBER", "cell-" + UUID.randomUUID());
    KEYS.add(member.key());
    return member;
  }

  private static String freshKeyId(Team team) {
    Answer issued = http.post(team.path() + "/api-keys", OPERATOR, "{\"name\": \"to revoke\"}");
    Tenants.expect(issued, 201);
    KEYS.add(issued.text("api_key"));
    return issued.text("key_id");
  }

  private static String revokedKey(Team team) {
    Answer issued = http.post(team.path() + "/api-keys", OPERATOR, "{\"name\": \"revoked\"}");
    Tenants.expect(issued, 201);
    Tenants.expect(http.delete(team.path() + "/api-keys/" + issued.text("key_id"), OPERATOR), 204);
    KEYS.add(issued.text("api_key"));
    return issued.text("api_key");
  }

  /**
   * FAILED runs for the retry cells, on a member pool with room for the retries that may succeed:
   * hold all 1,500 credits, get eight runs refused, then free eight holds.
   */
  private static void prepareFailedTasks() {
    List<String> queued = new ArrayList<>();
    for (int i = 0; i < 75; i++) {
      Answer a = http.post("/api/v1/agent/tasks", drained.key(), "{\"prompt\": \"fill\"}");
      Tenants.expect(a, 201);
      queued.add(a.text("task_id"));
    }
    for (int i = 0; i < Caller.values().length; i++) {
      Answer refused = http.post("/api/v1/agent/tasks", drained.key(), "{\"prompt\": \"refused\"}");
      Tenants.expect(refused, 403);
      failedTasks.add(refused.text("task_id"));
    }
    for (String task : queued.subList(0, Caller.values().length)) {
      Tenants.expect(http.post("/api/v1/agent/tasks/" + task + "/complete", OPERATOR, null), 200);
    }
  }

  private static String sha256(String key) throws java.security.NoSuchAlgorithmException {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** A MEMBER reading the ledger sees entries of their own pool only. */
  private static boolean memberLedgerShowsOnlyOwnPool() {
    var entries = http.get(b.path() + "/ledger?limit=200", b.member().key()).json().path("entries");
    String own = "m:" + b.member().id();
    boolean any = false;
    for (var entry : entries) {
      any = true;
      if (!entry.path("pool_id").asText().equals(own)) {
        return false;
      }
    }
    return any;
  }
}
