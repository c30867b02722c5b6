package dev.agentcredits.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.bootstrap.e2e.Teams.Team;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input on every endpoint: malformed JSON, missing and unknown (or privileged) fields, wrong
 * types, negative or huge numbers, other content types, unknown ids and other teams' ids. Each is
 * answered with the right 4xx problem and changes nothing: the teams' billing and ledger are the
 * same afterwards.
 */
class BadInputTest {
  @RegisterExtension static final ServiceExtension SERVICE = new ServiceExtension();

  private static final String OPERATOR = ServiceExtension.OPERATOR_KEY;
  private static final String VALID_TEAM =
      "{\"name\": \"Acme\", \"plan\": \"BUILD\", \"owner_email\": \"boss@acme.test\"}";

  private final Api api = SERVICE.api();
  private final Steps steps = new Steps(api);

  /** Two teams, a queued run in each; the cases aim at the first and use the second's ids. */
  private record World(Team team, Team other, String task, String otherTask) {}

  private record Case(String name, Supplier<Reply> call, int status, String code, String detail) {
    Case(String name, Supplier<Reply> call, int status, String code) {
      this(name, call, status, code, null);
    }
  }

  private World world() {
    Team team = SERVICE.teams().build().withAdmin().withMember().withTeamKey().create();
    Team other = SERVICE.teams().build().withMember().withTeamKey().create();
    return new World(
        team, other, steps.accepted(team.member().key()), steps.accepted(other.member().key()));
  }

  @Test
  void provisioning_refuses_bad_requests_and_changes_nothing() {
    World w = world();
    Team t = w.team();
    String members = t.path() + "/members";
    String keys = t.path() + "/api-keys";
    String grants = t.path() + "/grants";
    run(
        w,
        List.of(
            bad("malformed JSON", () -> api.post("/api/v1/teams", OPERATOR, "{\"name\": "), 400),
            bad(
                "missing plan",
                () ->
                    api.post(
                        "/api/v1/teams",
                        OPERATOR,
                        "{\"name\": \"A\", \"owner_email\": \"a@b.test\"}"),
                400),
            bad(
                "privileged owner field",
                () ->
                    api.post(
                        "/api/v1/teams",
                        OPERATOR,
                        VALID_TEAM.replace("}", ", \"owner\": {\"role\": \"OWNER\"}}")),
                400),
            bad(
                "unknown plan",
                () -> api.post("/api/v1/teams", OPERATOR, VALID_TEAM.replace("BUILD", "GOLD")),
                400),
            bad(
                "form content type",
                () ->
                    api.request("POST", "/api/v1/teams")
                        .key(OPERATOR)
                        .body("application/x-www-form-urlencoded", "name=A")
                        .send(),
                400),
            denied(
                "a member key creating a team",
                () -> api.post("/api/v1/teams", t.owner().key(), VALID_TEAM)),
            bad(
                "role OWNER",
                () -> api.post(members, OPERATOR, "{\"email\": \"x@y.test\", \"role\": \"OWNER\"}"),
                400),
            bad(
                "privileged api_key field",
                () ->
                    api.post(
                        members,
                        OPERATOR,
                        "{\"email\": \"x@y.test\", \"role\": \"MEMBER\", \"api_key\": \"mine\"}"),
                400),
            bad(
                "email of the wrong type",
                () -> api.post(members, OPERATOR, "{\"email\": 42, \"role\": \"MEMBER\"}"),
                400),
            denied(
                "a member adding members",
                () ->
                    api.post(
                        members,
                        t.member().key(),
                        "{\"email\": \"x@y.test\", \"role\": \"MEMBER\"}")),
            denied(
                "the owner adding to another team",
                () ->
                    api.post(
                        w.other().path() + "/members",
                        t.owner().key(),
                        "{\"email\": \"x@y.test\", \"role\": \"MEMBER\"}")),
            missing(
                "an unknown team",
                () ->
                    api.post(
                        "/api/v1/teams/team_nope/members",
                        OPERATOR,
                        "{\"email\": \"x@y.test\", \"role\": \"MEMBER\"}")),
            bad(
                "an id that cannot be one",
                () ->
                    api.post(
                        "/api/v1/teams/bad%20id/members",
                        OPERATOR, "{\"email\": \"x@y.test\", \"role\": \"MEMBER\"}"),
                400),
            bad("missing key name", () -> api.post(keys, t.owner().key(), "{}"), 400),
            bad(
                "key name too long",
                () -> api.post(keys, t.owner().key(), "{\"name\": \"" + "k".repeat(201) + "\"}"),
                400),
            denied(
                "a member issuing keys",
                () -> api.post(keys, t.member().key(), "{\"name\": \"ci\"}")),
            missing(
                "revoking an unknown key", () -> api.delete(keys + "/key_nope", t.owner().key())),
            missing(
                "revoking another team's key",
                () -> api.delete(keys + "/" + w.other().teamKeyId(), t.owner().key())),
            denied(
                "a member revoking a key",
                () -> api.delete(keys + "/" + t.teamKeyId(), t.member().key())),
            new Case(
                "a grant on a BUILD team",
                () -> api.post(grants, OPERATOR, InsufficientCreditsTest.grant(100)),
                403,
                "feature_not_available"),
            bad(
                "negative grant",
                () -> api.post(grants, OPERATOR, InsufficientCreditsTest.grant(-5)),
                400),
            bad(
                "huge grant",
                () ->
                    api.post(
                        grants,
                        OPERATOR,
                        "{\"credits\": 99999999999999999999, \"expires_at\": \"2031-12-31T00:00:00Z\"}"),
                400),
            bad(
                "grant expiry not a time",
                () -> api.post(grants, OPERATOR, "{\"credits\": 5, \"expires_at\": \"soon\"}"),
                400),
            denied(
                "the owner granting",
                () -> api.post(grants, t.owner().key(), InsufficientCreditsTest.grant(100)))));
  }

  @Test
  void runs_refuse_bad_requests_and_change_nothing() {
    World w = world();
    Team t = w.team();
    String key = t.member().key();
    String usage = "/api/v1/agent/tasks/" + w.task() + "/usage";
    run(
        w,
        List.of(
            bad("missing prompt", () -> api.post("/api/v1/agent/tasks", key, "{}"), 400),
            bad(
                "prompt of the wrong type",
                () -> api.post("/api/v1/agent/tasks", key, "{\"prompt\": [\"a\"]}"),
                400),
            bad(
                "privileged billed_pool field",
                () ->
                    api.post(
                        "/api/v1/agent/tasks",
                        key,
                        "{\"prompt\": \"a\", \"billed_pool\": {\"kind\": \"TEAM\"}}"),
                400),
            bad(
                "privileged trigger field",
                () ->
                    api.post(
                        "/api/v1/agent/tasks",
                        key,
                        "{\"prompt\": \"a\", \"trigger\": \"SCHEDULED\"}"),
                400),
            bad(
                "text content type",
                () ->
                    api.request("POST", "/api/v1/agent/tasks")
                        .key(key)
                        .body("text/plain", "{\"prompt\": \"a\"}")
                        .send(),
                400),
            bad(
                "a body over 64 KiB",
                () ->
                    api.post(
                        "/api/v1/agent/tasks", key, "{\"prompt\": \"" + "p".repeat(70_000) + "\"}"),
                400),
            bad(
                "duplicate fields",
                () ->
                    api.post("/api/v1/agent/tasks", key, "{\"prompt\": \"a\", \"prompt\": \"b\"}"),
                400),
            bad(
                "the operator submitting",
                () -> api.post("/api/v1/agent/tasks", OPERATOR, "{\"prompt\": \"a\"}"),
                400),
            bad(
                "a malformed idempotency key",
                () ->
                    api.request("POST", "/api/v1/agent/tasks")
                        .key(key)
                        .header("Idempotency-Key", "has space")
                        .json("{\"prompt\": \"a\"}")
                        .send(),
                400),
            missing("an unknown task", () -> api.get("/api/v1/agent/tasks/task_nope", key)),
            missing(
                "another team's task", () -> api.get("/api/v1/agent/tasks/" + w.otherTask(), key)),
            bad(
                "negative usage",
                () -> api.post(usage, OPERATOR, "{\"usage_id\": \"u1\", \"credits\": -5}"),
                400),
            bad(
                "zero usage",
                () -> api.post(usage, OPERATOR, "{\"usage_id\": \"u1\", \"credits\": 0}"),
                400),
            bad(
                "huge usage",
                () -> api.post(usage, OPERATOR, "{\"usage_id\": \"u1\", \"credits\": 2000000000}"),
                400),
            bad(
                "fractional usage",
                () -> api.post(usage, OPERATOR, "{\"usage_id\": \"u1\", \"credits\": 1.5}"),
                400),
            bad(
                "usage as a string",
                () -> api.post(usage, OPERATOR, "{\"usage_id\": \"u1\", \"credits\": \"5\"}"),
                400),
            bad("missing usage_id", () -> api.post(usage, OPERATOR, "{\"credits\": 5}"), 400),
            denied(
                "a member reporting usage",
                () -> api.post(usage, key, "{\"usage_id\": \"u1\", \"credits\": 5}")),
            missing(
                "usage of another team's task",
                () ->
                    api.post(
                        "/api/v1/agent/tasks/" + w.otherTask() + "/usage",
                        t.teamKey(),
                        "{\"usage_id\": \"u1\", \"credits\": 5}")),
            missing(
                "usage of an unknown task",
                () ->
                    api.post(
                        "/api/v1/agent/tasks/task_nope/usage",
                        OPERATOR,
                        "{\"usage_id\": \"u1\", \"credits\": 5}")),
            missing("completing an unknown task", () -> steps.complete("task_nope", key)),
            missing("completing another team's task", () -> steps.complete(w.otherTask(), key)),
            bad("retrying a queued task", () -> steps.retry(w.task(), key), 400),
            missing("retrying another team's task", () -> steps.retry(w.otherTask(), key))));
    JsonNode task = steps.task(w.task(), t.member().key());
    assertThat(task.path("state").asText()).isEqualTo("QUEUED");
    assertThat(task.path("charged_credits").asLong()).isZero();
  }

  @Test
  void billing_refuses_bad_requests_and_changes_nothing() {
    World w = world();
    Team t = w.team();
    String member = t.member().key();
    String owner = t.owner().key();
    String purchases = t.path() + "/members/me/add-on-purchases";
    String reload = t.path() + "/members/me/auto-reload";
    String cap = t.path() + "/spend-cap";
    String ledger = t.path() + "/ledger";
    run(
        w,
        List.of(
            denied("another team's billing", () -> api.get(w.other().path() + "/billing", owner)),
            missing(
                "an unknown member's pool",
                () -> api.get(t.path() + "/members/mem_nope/pool", owner)),
            missing(
                "another team's member's pool", () -> api.get(t.pool(w.other().member()), owner)),
            denied("a member reading the owner's pool", () -> api.get(t.pool(t.owner()), member)),
            missing("a team pool on a BUILD team", () -> api.get(t.path() + "/pool", member)),
            bad(
                "a denomination not on sale",
                () -> api.post(purchases, member, "{\"denomination_credits\": 500}"),
                400),
            bad(
                "a negative denomination",
                () -> api.post(purchases, member, "{\"denomination_credits\": -400}"),
                400),
            bad(
                "privileged price field",
                () ->
                    api.post(
                        purchases, member, "{\"denomination_credits\": 400, \"price_cents\": 1}"),
                400),
            bad(
                "malformed purchase",
                () -> api.post(purchases, member, "{\"denomination_credits\": 400"),
                400),
            denied(
                "a member buying for the owner", () -> steps.purchase(t, t.owner(), member, 400)),
            denied(
                "an admin buying in another team",
                () -> steps.purchase(w.other(), w.other().member(), t.admin().key(), 400)),
            bad(
                "\"me\" with a team key",
                () -> api.post(purchases, t.teamKey(), "{\"denomination_credits\": 400}"),
                400),
            bad(
                "auto-reload without enabled",
                () -> api.put(reload, member, "{\"denomination_credits\": 400}"),
                400),
            bad(
                "auto-reload enabled as a string",
                () ->
                    api.put(
                        reload, member, "{\"enabled\": \"yes\", \"denomination_credits\": 400}"),
                400),
            bad(
                "a huge threshold",
                () ->
                    api.put(
                        reload,
                        member,
                        "{\"enabled\": true, \"denomination_credits\": 400, \"threshold_credits\": 99999999999}"),
                400),
            bad(
                "an odd denomination",
                () -> api.put(reload, member, "{\"enabled\": true, \"denomination_credits\": 123}"),
                400),
            denied(
                "a member configuring the owner's pool",
                () -> steps.autoReload(t, t.owner(), member, true, 400)),
            bad("a negative cap", () -> api.put(cap, owner, "{\"monthly_limit_cents\": -1}"), 400),
            bad(
                "a cap over the maximum",
                () -> api.put(cap, owner, "{\"monthly_limit_cents\": 100000001}"),
                400),
            bad(
                "a cap as a string",
                () -> api.put(cap, owner, "{\"monthly_limit_cents\": \"5000\"}"),
                400),
            bad(
                "privileged month_to_date field",
                () ->
                    api.put(
                        cap,
                        owner,
                        "{\"monthly_limit_cents\": 5000, \"month_to_date_spend_cents\": 0}"),
                400),
            denied(
                "a member changing the cap",
                () -> api.put(cap, member, "{\"monthly_limit_cents\": 5000}")),
            denied(
                "a team key changing the cap",
                () -> api.put(cap, t.teamKey(), "{\"monthly_limit_cents\": 5000}")),
            denied(
                "the owner changing another team's cap",
                () ->
                    api.put(
                        w.other().path() + "/spend-cap", owner, "{\"monthly_limit_cents\": 5000}")),
            bad("a zero ledger limit", () -> api.get(ledger + "?limit=0", owner), 400),
            bad(
                "a ledger limit that is no number",
                () -> api.get(ledger + "?limit=abc", owner),
                400),
            bad("a ledger limit over 200", () -> api.get(ledger + "?limit=201", owner), 400),
            bad("a cursor never given", () -> api.get(ledger + "?cursor=zzz", owner), 400),
            denied("another team's ledger", () -> api.get(w.other().path() + "/ledger", owner))));
  }

  @Test
  void operations_and_routing_refuse_bad_requests_and_change_nothing() {
    World w = world();
    Team t = w.team();
    String payments = "/api/v1/ops/teams/" + t.id() + "/payments";
    run(
        w,
        List.of(
            denied(
                "the owner moving the clock",
                () -> api.post("/api/v1/ops/clock", t.owner().key(), "{\"advance_seconds\": 60}")),
            bad(
                "a negative advance",
                () -> api.post("/api/v1/ops/clock", OPERATOR, "{\"advance_seconds\": -60}"),
                400),
            bad(
                "an advance as a fraction",
                () -> api.post("/api/v1/ops/clock", OPERATOR, "{\"advance_seconds\": 1.5}"),
                400),
            missing(
                "payments of an unknown team",
                () ->
                    api.put(
                        "/api/v1/ops/teams/team_nope/payments", OPERATOR, "{\"declined\": true}")),
            bad("payments without declined", () -> api.put(payments, OPERATOR, "{}"), 400),
            new Case(
                "no key",
                () -> api.get(t.path() + "/billing", null),
                401,
                "authentication_required"),
            new Case(
                "an unknown key",
                () -> api.get(t.path() + "/billing", "ac_mk_not-a-key"),
                401,
                "authentication_required"),
            new Case(
                "a key without Bearer",
                () ->
                    api.request("GET", t.path() + "/billing")
                        .header("Authorization", t.owner().key())
                        .send(),
                401,
                "authentication_required"),
            missing("an unknown route", () -> api.get("/api/v1/nothing-here", t.owner().key())),
            missing(
                "a wrong method",
                () ->
                    api.request("PATCH", t.path() + "/spend-cap")
                        .key(t.owner().key())
                        .json("{\"monthly_limit_cents\": 1}")
                        .send())));
  }

  /**
   * Issue 18, items 12-17: a NUL character in any text field, dates past what the database keeps, a
   * webhook over 1 MiB, a made-up purchases cursor, emails with markup and auto-reload without a
   * denomination are each a clear 4xx (never a retryable 500) and change nothing.
   */
  @Test
  void nul_characters_far_dates_huge_webhooks_bad_cursors_and_markup_emails_change_nothing() {
    World w = world();
    Team t = w.team();
    String owner = t.owner().key();
    String member = t.member().key();
    String nul = "\\u0000";
    String grants = t.path() + "/grants";
    Reply membersBefore = api.get(t.path() + "/members", owner).assertStatus(200);
    Reply keysBefore = api.get(t.path() + "/api-keys", owner).assertStatus(200);
    Reply runsBefore = api.get("/api/v1/agent/tasks?limit=100", owner).assertStatus(200);
    Reply reloadBefore = api.get(t.path() + "/members/me/auto-reload", member).assertStatus(200);
    String bigWebhook = "{\"pad\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    run(
        w,
        List.of(
            nul(
                "a NUL in a prompt",
                () -> api.post("/api/v1/agent/tasks", member, "{\"prompt\": \"a" + nul + "b\"}"),
                "prompt"),
            nul(
                "a NUL in a schedule_id",
                () ->
                    api.post(
                        "/api/v1/agent/tasks",
                        member,
                        "{\"prompt\": \"p\", \"schedule_id\": \"n" + nul + "\"}"),
                "schedule_id"),
            nul(
                "a NUL in a team name",
                () -> api.post("/api/v1/teams", OPERATOR, VALID_TEAM.replace("Acme", "Ac" + nul)),
                "name"),
            nul(
                "a NUL in a key name",
                () -> api.post(t.path() + "/api-keys", owner, "{\"name\": \"ci" + nul + "\"}"),
                "name"),
            nul(
                "a NUL in an email",
                () ->
                    api.post(
                        t.path() + "/members",
                        OPERATOR,
                        "{\"email\": \"a" + nul + "@b.test\", \"role\": \"MEMBER\"}"),
                "email"),
            // Jetty may refuse %00 in a URI itself; either way a 400 that changes nothing
            bad("a NUL in a cursor", () -> api.get(t.path() + "/ledger?cursor=a%00b", owner), 400),
            bad(
                "a grant expiring in year 10000",
                () ->
                    api.post(
                        grants,
                        OPERATOR,
                        "{\"credits\": 10, \"expires_at\": \"+10000-01-01T00:00:00Z\"}"),
                400,
                "expires_at must be in the years 1970 to 9999"),
            bad(
                "usage from a date no database keeps",
                () -> api.get(t.path() + "/usage?from=%2B999999999-12-30", owner),
                400,
                "from must be in the years 1970 to 9999"),
            bad(
                "usage to year 10000",
                () -> api.get(t.path() + "/usage?from=2025-01-01&to=%2B10000-01-01", owner),
                400,
                "to must be in the years 1970 to 9999"),
            new Case(
                "a webhook body over 1 MiB",
                () ->
                    api.request("POST", "/webhooks/stripe")
                        .header("Stripe-Signature", "t=1,v1=00")
                        .json(bigWebhook)
                        .send(),
                413,
                "request_too_large",
                "larger than 1,048,576 bytes"),
            bad(
                "a made-up purchases cursor",
                () -> api.get(t.path() + "/members/me/add-on-purchases?cursor=garbage", member),
                400,
                "cursor must be a next_cursor from an earlier page"),
            bad(
                "an email with markup",
                () ->
                    api.post(
                        t.path() + "/members",
                        OPERATOR,
                        "{\"email\": \"x\\\"><script>alert(1)</script>@example.com\","
                            + " \"role\": \"MEMBER\"}"),
                400,
                "email must be an email address"),
            bad(
                "a javascript: email",
                () ->
                    api.post(
                        "/api/v1/teams",
                        OPERATOR,
                        VALID_TEAM.replace("boss@acme.test", "javascript:alert(1)@example.com")),
                400,
                "owner_email must be an email address"),
            bad(
                "turning auto-reload on with no denomination ever set",
                () -> api.put(t.path() + "/members/me/auto-reload", member, "{\"enabled\": true}"),
                400,
                "denomination_credits is required to turn auto-reload on"),
            bad(
                "a threshold over the maximum",
                () ->
                    api.put(
                        t.path() + "/members/me/auto-reload",
                        member,
                        "{\"enabled\": false, \"threshold_credits\": 10000001}"),
                400,
                "threshold_credits must be at most 10,000,000 credits.")));
    assertThat(api.get(t.path() + "/members", owner).json()).isEqualTo(membersBefore.json());
    assertThat(api.get(t.path() + "/api-keys", owner).json()).isEqualTo(keysBefore.json());
    assertThat(api.get("/api/v1/agent/tasks?limit=100", owner).json()).isEqualTo(runsBefore.json());
    assertThat(api.get(t.path() + "/members/me/auto-reload", member).json())
        .isEqualTo(reloadBefore.json());
  }

  private static Case nul(String name, Supplier<Reply> call, String field) {
    return new Case(
        name, call, 400, "invalid_request", field + " must not contain a NUL character (\\u0000)");
  }

  private static Case bad(String name, Supplier<Reply> call, int status, String detail) {
    return new Case(name, call, status, "invalid_request", detail);
  }

  private void run(World w, List<Case> cases) {
    var before = steps.snapshot(w.team());
    var otherBefore = steps.snapshot(w.other());
    for (Case c : cases) {
      Reply reply = c.call().get();
      try {
        JsonNode problem = reply.assertProblem(c.status(), c.code());
        if (c.detail() != null) {
          assertThat(problem.path("detail").asText()).contains(c.detail());
          assertThat(problem.path("retryable").asBoolean(true)).isFalse();
        }
      } catch (AssertionError e) {
        throw new AssertionError("case \"" + c.name() + "\": " + e.getMessage(), e);
      }
      steps.assertUnchanged(w.team(), before);
    }
    steps.assertUnchanged(w.other(), otherBefore);
  }

  private static Case bad(String name, Supplier<Reply> call, int status) {
    return new Case(name, call, status, "invalid_request");
  }

  private static Case denied(String name, Supplier<Reply> call) {
    return new Case(name, call, 403, "not_authorized");
  }

  private static Case missing(String name, Supplier<Reply> call) {
    return new Case(name, call, 404, "resource_not_found");
  }
}
