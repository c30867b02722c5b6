package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import java.util.Objects;

/**
 * Why a use case said no, in billing terms. Adapters map each kind to their own wire (a status and
 * a problem type over HTTP, the same body in a message reply) with one exhaustive switch.
 */
public sealed interface Refusal {
  /** A parameter is missing, malformed or out of range. */
  record InvalidRequest(String detail) implements Refusal {}

  /** The caller's role may not do this, or the resource is another team's. */
  record NotAuthorized(String detail) implements Refusal {}

  /** {@code what} names the missing thing, e.g. "task task_123". */
  record NotFound(String what) implements Refusal {}

  /** The plan does not allow this. */
  record FeatureNotAvailable(String detail) implements Refusal {}

  /** The billed pool cannot fund the run; {@code run} is the run, now FAILED. */
  record InsufficientCredits(dev.agentcredits.domain.refusal.InsufficientCredits why, RunId run)
      implements Refusal {
    public InsufficientCredits {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(run, "run");
    }
  }

  /**
   * The member who started the run reached their monthly credit limit (DOMAIN.md rule 24); {@code
   * run} is the run, now FAILED. {@code budget} is the limit and what counts against it; null when
   * no limit applies any more (the answer to a request key, given again).
   */
  record MemberLimitReached(MemberId member, MemberBudget budget, RunId run) implements Refusal {
    public MemberLimitReached {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(run, "run");
    }
  }

  /** Buying {@code price} would take the month's add-on spend over {@code monthlyLimit}. */
  record BudgetExceeded(String detail, Money monthlyLimit, Money monthToDateSpend, Money price)
      implements Refusal {}

  /** The payment was declined, or there is no way to pay. */
  record PaymentFailed(String detail) implements Refusal {}

  /** The request conflicts with the resource's state, or its key was used for another request. */
  record Conflict(String detail) implements Refusal {}

  /**
   * The first request under this idempotency key is still being answered; nothing was done, and the
   * same request may be sent again later.
   */
  record InFlight(String detail) implements Refusal {}

  static Refusal invalid(String detail) {
    return new InvalidRequest(detail);
  }

  static Refusal notFound(String what) {
    return new NotFound(what);
  }

  static Refusal notAuthorized(String detail) {
    return new NotAuthorized(detail);
  }

  static Refusal featureNotAvailable(String detail) {
    return new FeatureNotAvailable(detail);
  }

  /** {@code run} was refused, or stopped, for its member's monthly limit. */
  static Refusal memberLimit(MemberBudget budget, Run run) {
    return new MemberLimitReached(run.countsAgainst().orElseThrow(), budget, run.id());
  }

  static Refusal conflict(String detail) {
    return new Conflict(detail);
  }
}
