package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.TestData.T0;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.BilledPoolView;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.in.view.RunOriginView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.in.view.SubmittedByView;
import dev.agentcredits.domain.pool.PoolBalances;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.Contacts;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Outcomes of every shape an idempotency store must keep and give back equal. */
public final class KeptOutcomes {
  static final Class<RunView> RUN = RunView.class;

  private KeptOutcomes() {}

  static Outcome<RunView> run() {
    return Outcome.ok(
        new RunView(
            "task_1", "QUEUED", "USER", new BilledPoolView("MEMBER", "t_1", "m_1"), 20, 0, null));
  }

  static Stream<Arguments> all() {
    return Stream.of(
        kept("a run", run(), RUN),
        kept(
            "a run read with its origin",
            Outcome.ok(
                new RunView(
                    "task_2",
                    "FAILED",
                    "TEAM_API_KEY",
                    new BilledPoolView("TEAM", "t_1", null),
                    0,
                    5,
                    "insufficient_credits",
                    new RunOriginView(
                        T0.plusNanos(789),
                        "Fix the \"flaky\" test\n",
                        new SubmittedByView(null, null, "key_1", "ci", null)))),
            RUN),
        kept(
            "a purchase",
            Outcome.ok(new PurchaseView("pur_1", 400, 1_000, T0.plus(Duration.ofDays(365)), "P")),
            PurchaseView.class),
        kept("a spend cap", Outcome.ok(new SpendCapView(30_000, 1_000)), SpendCapView.class),
        refused("invalid", Refusal.invalid("denomination_credits must be one of [400]")),
        refused("not authorized", Refusal.notAuthorized("only the owner")),
        refused("not found", Refusal.notFound("task task_9")),
        refused("feature", Refusal.featureNotAvailable("the FREE plan cannot")),
        refused("insufficient credits", new Refusal.InsufficientCredits(short20(), new RunId("t"))),
        refused(
            "budget exceeded",
            new Refusal.BudgetExceeded(
                "over the cap", Money.cents(20_000), Money.cents(19_500), Money.cents(1_000))),
        refused("payment failed", new Refusal.PaymentFailed("card_declined; nothing was bought")),
        refused("conflict", Refusal.conflict("the idempotency key was used for another request")),
        refused("in flight", new Refusal.InFlight("still in flight")));
  }

  private static InsufficientCredits short20() {
    TeamId team = new TeamId("t_1");
    return InsufficientCredits.of(
        BilledPool.ofMember(team, new MemberId("m_1"), Payer.TEAM_OWNER),
        20,
        new PoolBalances(5, 3, 1, 4),
        List.of(
            TestData.plan("plan_1", 5, 4),
            TestData.lot("lot_1", 3, 0, T0.plus(Duration.ofDays(1)))),
        AutoReloadState.OFF,
        Money.cents(20_000),
        Money.cents(19_500),
        Optional.of(T0.plus(Duration.ofDays(20))),
        Money.dollars(10),
        new Contacts("owner@example.com", List.of("admin@example.com")));
  }

  private static Arguments kept(String name, Outcome<?> outcome, Class<?> valueType) {
    return Arguments.of(name, outcome, valueType);
  }

  private static Arguments refused(String name, Refusal refusal) {
    return Arguments.of(name, Outcome.refused(refusal), RUN);
  }
}
