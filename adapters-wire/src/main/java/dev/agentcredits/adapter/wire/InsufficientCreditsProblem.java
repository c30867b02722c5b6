package dev.agentcredits.adapter.wire;

import dev.agentcredits.domain.pool.CreditSource;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.refusal.Remedy;
import dev.agentcredits.domain.shared.RunId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that words {@code insufficient_credits}: the public page's "How to resolve" for the
 * case at hand, as a sentence and as extension members.
 */
final class InsufficientCreditsProblem {
  private InsufficientCreditsProblem() {}

  static Problem of(InsufficientCredits why, RunId run) {
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("task_id", run.value());
    ext.put("billed_pool", billedPool(why.billed()));
    ext.put("required_credits", why.required());
    ext.put("balances", balances(why.balances()));
    ext.put("auto_reload", Bodies.ordered("state", lower(why.autoReload().name())));
    ext.put("cause", lower(why.cause().name()));
    ext.put(
        "spend_cap",
        Bodies.ordered(
            "monthly_limit_cents", why.monthlySpendCap().cents(),
            "month_to_date_spend_cents", why.monthToDateSpend().cents()));
    why.nextRefresh().ifPresent(at -> ext.put("next_refresh_at", at.toString()));
    ext.put(
        "sources_tried",
        why.sourcesTried().stream().map(InsufficientCreditsProblem::source).toList());
    ext.put("resolution", why.remedies().stream().map(InsufficientCreditsProblem::remedy).toList());
    return new Problem(ProblemType.INSUFFICIENT_CREDITS, detail(why), ext);
  }

  static String detail(InsufficientCredits why) {
    return InsufficientCreditsAdvice.detail(why);
  }

  private static Map<String, Object> billedPool(BilledPool pool) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", pool.kind().name());
    map.put("team_id", pool.team().value());
    if (pool.member() != null) {
      map.put("member_id", pool.member().value());
    }
    map.put("payer", lower(pool.payer().name()));
    return map;
  }

  private static Map<String, Object> balances(PoolBalances b) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("plan_credits", b.plan());
    map.put("addon_credits", b.addOn());
    map.put("arrears_credits", b.arrears());
    map.put("held_credits", b.held());
    map.put("available_credits", b.available());
    return map;
  }

  private static Map<String, Object> source(CreditSource s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("source_id", s.id().value());
    map.put("kind", lower(s.kind().name()));
    map.put("credits_remaining", s.remaining());
    map.put("credits_held", s.reserved());
    map.put("credits_free", s.free());
    map.put("expires_at", s.expiresAt().toString());
    return map;
  }

  private static Map<String, Object> remedy(Remedy r) {
    Map<String, Object> map =
        Bodies.ordered("action", lower(r.action().name()), "who", lower(r.who().name()));
    if (r.withPrevious()) {
      map.put("with_previous", true);
    }
    if (!r.contacts().isEmpty()) {
      map.put("emails", r.contacts());
    }
    return map;
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
