package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.domain.limit.MemberBudget;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that words {@code budget_exceeded} for a run (DOMAIN.md rule 24): the member's
 * limit, what counts against it this month, and who can raise it.
 */
final class MemberLimitProblem {
  static final String WHO_CAN_RAISE = "The team owner or an admin can raise the limit.";

  private MemberLimitProblem() {}

  static Problem of(Refusal.MemberLimitReached refused) {
    Map<String, Object> limit = new LinkedHashMap<>();
    limit.put("member_id", refused.member().value());
    MemberBudget budget = refused.budget();
    if (budget != null) {
      limit.put("monthly_credits", budget.monthlyCredits());
      limit.put("month_to_date_credits", budget.monthToDate());
    }
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("task_id", refused.run().value());
    ext.put("limit", limit);
    return new Problem(ProblemType.BUDGET_EXCEEDED, detail(refused), ext);
  }

  static String detail(Refusal.MemberLimitReached refused) {
    MemberBudget budget = refused.budget();
    if (budget == null) {
      return "This run was refused by the monthly credit limit of member %s, which no longer applies; submit it again."
          .formatted(refused.member());
    }
    return ("Member %s has used %,d of their %,d-credit monthly limit this month (credits charged"
            + " plus those held by their open runs), so this run cannot start. %s")
        .formatted(refused.member(), budget.monthToDate(), budget.monthlyCredits(), WHO_CAN_RAISE);
  }
}
