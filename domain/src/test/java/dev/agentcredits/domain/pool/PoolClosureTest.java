package dev.agentcredits.domain.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rule 22: a removed member's pool closes into the owner's. */
class PoolClosureTest {
  private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
  private static final TeamId TEAM = new TeamId("team_1");

  @Test
  void freeLotCreditsMoveWithTheirExpiryPlanCreditsEndAndHeldCreditsStay() {
    Instant lotEnds = NOW.plus(Duration.ofDays(200));
    Pool member =
        pool(
            "mem_bob",
            List.of(
                new CreditSource(
                    new SourceId("plan:c1"),
                    SourceKind.PLAN,
                    1_500,
                    20,
                    NOW,
                    NOW.plus(Duration.ofDays(20))),
                new CreditSource(
                    new SourceId("pur_1"), SourceKind.ADD_ON, 1_000, 0, NOW, lotEnds)));
    Pool owner = pool("mem_owner", List.of());

    PoolClosure.Result result = PoolClosure.close(member, owner, NOW);

    Pool closed = result.member().pool();
    assertThat(closed.isClosed()).isTrue();
    assertThat(closed.balances().held()).isEqualTo(20);
    assertThat(closed.available()).isZero();
    assertThat(result.planCreditsEnded()).isEqualTo(1_480);
    assertThat(result.transferred()).isEqualTo(1_000);
    Pool richer = result.owner().pool();
    assertThat(richer.balances().addOn()).isEqualTo(1_000);
    assertThat(richer.source(new SourceId("pur_1")).orElseThrow().expiresAt()).isEqualTo(lotEnds);
    assertThat(result.member().postings())
        .extracting(Posting::kind)
        .containsExactlyInAnyOrder(PostingKind.EXPIRED, PostingKind.TRANSFERRED_OUT);
    assertThat(result.owner().postings())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PostingKind.TRANSFERRED_IN));
    assertThat(result.owner().events())
        .extracting(e -> e.type())
        .containsExactly(EventType.CREDITS_TRANSFERRED);
    long before = member.balances().plan() + member.balances().addOn();
    long after = closed.balances().plan() + closed.balances().addOn();
    assertThat(before - after).isEqualTo(result.planCreditsEnded() + result.transferred());
  }

  @Test
  void aClosedPoolGetsNoMoreRefreshesAndWhatARunGivesBackIsSweptAgain() {
    Pool member =
        pool(
            "mem_bob",
            List.of(
                new CreditSource(
                    new SourceId("pur_1"),
                    SourceKind.ADD_ON,
                    400,
                    20,
                    NOW,
                    NOW.plus(Duration.ofDays(300)))));
    Pool owner = pool("mem_owner", List.of());
    PoolClosure.Result first = PoolClosure.close(member, owner, NOW);
    Pool closed = first.member().pool();
    Hold hold = new Hold(List.of(new Reservation(new SourceId("pur_1"), SourceKind.ADD_ON, 20)));

    Pool released = closed.release(new RunId("task_1"), hold, NOW).pool();
    assertThat(released.nextDueAt(Duration.ofDays(30))).contains(NOW);
    assertThat(
            released
                .advanceTo(NOW.plus(Duration.ofDays(90)), 1_500, Duration.ofDays(30))
                .pool()
                .balances()
                .plan())
        .isZero();
    PoolClosure.Result again = PoolClosure.close(released, first.owner().pool(), NOW);

    assertThat(again.transferred()).isEqualTo(20);
    assertThat(again.owner().pool().balances().addOn()).isEqualTo(400);
    assertThat(again.member().pool().nextDueAt(Duration.ofDays(30))).isEmpty();
  }

  private static Pool pool(String member, List<CreditSource> sources) {
    Pool open =
        Pool.openForMember(
            TEAM,
            new MemberId(member),
            NOW.minus(Duration.ofDays(10)),
            AutoReloadSettings.off(dev.agentcredits.domain.shared.Credits.of(100)));
    return new Pool(
        PoolIds.forMember(new MemberId(member)),
        open.kind(),
        TEAM,
        open.member(),
        open.cycleAnchor(),
        NOW.minus(Duration.ofDays(10)),
        0,
        sources,
        open.autoReload(),
        null);
  }
}
