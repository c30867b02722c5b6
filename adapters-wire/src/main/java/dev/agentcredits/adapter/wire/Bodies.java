package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.view.ApiKeyView;
import dev.agentcredits.application.port.in.view.AutoReloadView;
import dev.agentcredits.application.port.in.view.GrantView;
import dev.agentcredits.application.port.in.view.IssuedKeyView;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.LedgerEntryView;
import dev.agentcredits.application.port.in.view.LedgerPageView;
import dev.agentcredits.application.port.in.view.ListedRunView;
import dev.agentcredits.application.port.in.view.LotView;
import dev.agentcredits.application.port.in.view.MemberView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.in.view.RotatedKeyView;
import dev.agentcredits.application.port.in.view.RunPageView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.in.view.SubmittedByView;
import dev.agentcredits.application.port.in.view.TeamBillingView;
import dev.agentcredits.application.port.in.view.UsageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of API.md, built from the application's views as ordered maps; optional members
 * are left out when they have no value. REST answers them; message replies repeat them.
 */
public final class Bodies {
  private Bodies() {}

  public static Map<String, Object> run(RunView run) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task_id", run.taskId());
    body.put("state", run.state());
    body.put("trigger", run.trigger());
    Map<String, Object> pool = new LinkedHashMap<>();
    pool.put("kind", run.billedPool().kind());
    pool.put("team_id", run.billedPool().teamId());
    putIfPresent(pool, "member_id", run.billedPool().memberId());
    body.put("billed_pool", pool);
    body.put("held_credits", run.heldCredits());
    body.put("charged_credits", run.chargedCredits());
    if (run.errorCode() != null) {
      body.put("error", Map.of("code", run.errorCode()));
    }
    if (run.origin() != null) {
      body.put("created_at", time(run.origin().createdAt()));
      body.put("prompt_excerpt", run.origin().promptExcerpt());
      body.put("submitted_by", submittedBy(run.origin().submittedBy()));
    }
    return body;
  }

  /**
   * By trigger: {@code {member_id, email}}, {@code {key_id, name}} or {@code {schedule_id}}; what
   * is not known is left out (a TEAM_API_KEY run an integration submitted: {@code {}}).
   */
  private static Map<String, Object> submittedBy(SubmittedByView who) {
    Map<String, Object> body = new LinkedHashMap<>();
    putIfPresent(body, "member_id", who.memberId());
    putIfPresent(body, "email", who.email());
    putIfPresent(body, "key_id", who.keyId());
    putIfPresent(body, "name", who.name());
    putIfPresent(body, "schedule_id", who.scheduleId());
    return body;
  }

  /** A member's new key (API.md "Members and keys"), shown once. */
  public static Map<String, Object> rotatedKey(RotatedKeyView key) {
    return ordered("member_id", key.memberId(), "api_key", key.apiKey());
  }

  /** One result of a usage batch (API.md "Usage in batches"): the run as the charge left it. */
  public static Map<String, Object> usageCharged(String usageId, RunView run, boolean replayed) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("usage_id", usageId);
    body.put("task_id", run.taskId());
    body.put("status", 200);
    body.put("state", run.state());
    body.put("charged_credits", run.chargedCredits());
    body.put("held_credits", run.heldCredits());
    if (run.errorCode() != null) {
      body.put("error", Map.of("code", run.errorCode()));
    }
    if (replayed) {
      body.put("replayed", true);
    }
    return body;
  }

  /** One refused event of a usage batch, with the problem the single call would answer. */
  public static Map<String, Object> usageRefused(
      String usageId, String taskId, Map<String, Object> problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("usage_id", usageId);
    body.put("task_id", taskId);
    body.put("status", problem.get("status"));
    body.put("problem", problem);
    return body;
  }

  public static Map<String, Object> team(ProvisionedTeamView team) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("team_id", team.teamId());
    body.put("plan", team.plan());
    body.put("owner", member(team.owner()));
    return body;
  }

  public static Map<String, Object> member(IssuedMemberView member) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("member_id", member.memberId());
    body.put("email", member.email());
    body.put("role", member.role());
    body.put("api_key", member.apiKey());
    return body;
  }

  public static Map<String, Object> key(IssuedKeyView key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key_id", key.keyId());
    body.put("api_key", key.apiKey());
    return body;
  }

  public static Map<String, Object> grant(GrantView grant) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("grant_id", grant.grantId());
    body.put("credits", grant.credits());
    body.put("expires_at", time(grant.expiresAt()));
    return body;
  }

  public static Map<String, Object> billing(TeamBillingView billing) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("team_id", billing.teamId());
    body.put("plan", billing.plan());
    body.put("spend_cap", spendCap(billing.spendCap()));
    body.put("pools", billing.pools().stream().map(Bodies::pool).toList());
    return body;
  }

  public static Map<String, Object> pool(PoolView pool) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", pool.kind());
    body.put("team_id", pool.teamId());
    putIfPresent(body, "member_id", pool.memberId());
    body.put("plan_credits", pool.planCredits());
    body.put("addon_credits", pool.addonCredits());
    body.put("arrears_credits", pool.arrearsCredits());
    body.put("held_credits", pool.heldCredits());
    body.put("available_credits", pool.availableCredits());
    putIfPresent(body, "next_refresh_at", time(pool.nextRefreshAt()));
    body.put("lots", pool.lots().stream().map(Bodies::lot).toList());
    body.put("auto_reload", autoReload(pool.autoReload()));
    if (pool.limit() != null) {
      body.put("limit", LimitBodies.pool(pool.limit()));
    }
    return body;
  }

  private static Map<String, Object> lot(LotView lot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("source_id", lot.sourceId());
    body.put("kind", lot.kind());
    body.put("credits_remaining", lot.creditsRemaining());
    body.put("expires_at", time(lot.expiresAt()));
    return body;
  }

  /** {@code denomination_credits} is null until auto-reload was first configured. */
  public static Map<String, Object> autoReload(AutoReloadView reload) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", reload.enabled());
    body.put("denomination_credits", reload.denominationCredits());
    body.put("threshold_credits", reload.thresholdCredits());
    putIfPresent(body, "turned_off_by", reload.turnedOffBy());
    return body;
  }

  public static Map<String, Object> spendCap(SpendCapView cap) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("monthly_limit_cents", cap.monthlyLimitCents());
    body.put("month_to_date_spend_cents", cap.monthToDateSpendCents());
    return body;
  }

  public static Map<String, Object> purchase(PurchaseView purchase) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("purchase_id", purchase.purchaseId());
    body.put("credits", purchase.credits());
    body.put("price_cents", purchase.priceCents());
    if (!purchase.pending()) {
      body.put("expires_at", time(purchase.expiresAt()));
    }
    body.put("state", purchase.state());
    return body;
  }

  /** {@code next_cursor} is null on the last page. */
  public static Map<String, Object> ledger(LedgerPageView page) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries", page.entries().stream().map(Bodies::entry).toList());
    body.put("next_cursor", page.nextCursor());
    return body;
  }

  private static Map<String, Object> entry(LedgerEntryView entry) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entry_id", entry.entryId());
    body.put("pool_id", entry.poolId());
    body.put("kind", entry.kind());
    body.put("credits", entry.credits());
    putIfPresent(body, "source_id", entry.sourceId());
    putIfPresent(body, "source_kind", entry.sourceKind());
    putIfPresent(body, "task_id", entry.taskId());
    putIfPresent(body, "reference", entry.reference());
    body.put("at", time(entry.at()));
    return body;
  }

  /** A page of runs, each with {@code created_at}; {@code next_cursor} is null on the last. */
  public static Map<String, Object> runPage(RunPageView page) {
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (ListedRunView listed : page.tasks()) {
      Map<String, Object> task = run(listed.run());
      task.put("created_at", time(listed.createdAt()));
      tasks.add(task);
    }
    return ordered("tasks", tasks, "next_cursor", page.nextCursor());
  }

  public static Map<String, Object> members(List<MemberView> members) {
    return ordered(
        "members",
        members.stream()
            .map(m -> ordered("member_id", m.memberId(), "email", m.email(), "role", m.role()))
            .toList());
  }

  /** Never a secret: only what names a key and when it was issued or revoked. */
  public static Map<String, Object> apiKeys(List<ApiKeyView> keys) {
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (ApiKeyView key : keys) {
      Map<String, Object> body =
          ordered("key_id", key.keyId(), "name", key.name(), "created_at", time(key.createdAt()));
      putIfPresent(body, "revoked_at", time(key.revokedAt()));
      putIfPresent(body, "last_used_at", time(key.lastUsedAt()));
      bodies.add(body);
    }
    return ordered("api_keys", bodies);
  }

  public static Map<String, Object> usage(UsageView usage) {
    return ordered(
        "from",
        usage.from().toString(),
        "to",
        usage.to().toString(),
        "days",
        usage.days().stream()
            .map(d ->
                ordered(
                    "date",
                    d.date().toString(),
                    "credits_charged",
                    d.creditsCharged(),
                    "runs",
                    d.runs()))
            .toList(),
        "members",
        usage.members().stream()
            .map(m -> ordered("member_id", m.memberId(), "credits_charged", m.creditsCharged()))
            .toList());
  }

  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static void putIfPresent(Map<String, Object> body, String name, Object value) {
    if (value != null) {
      body.put(name, value);
    }
  }

  /** Key-value pairs in the order given, so a body reads the same every time. */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
