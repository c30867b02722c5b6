package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.aTeamPool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of credits, holds, charges, releases and the passing of time, each driven by a
 * seed so a failure replays exactly. After every step the invariants of DOMAIN.md hold: credits are
 * conserved and the ledger explains the pool, holds never exceed funds, the waterfall order is
 * kept, arrears are paid before anything else is free, and unused plan credits never roll over.
 */
class PoolInvariantsPropertyTest {
  private static final int STEPS = 150;

  /**
   * The rule book's order, written independently of {@link Waterfall#ORDER} so that a broken order
   * in the code is caught rather than mirrored.
   */
  private static final Comparator<CreditSource> RULE_BOOK_ORDER =
      Comparator.comparingInt((CreditSource s) -> s.kind() == SourceKind.PLAN ? 0 : 1)
          .thenComparing(CreditSource::expiresAt)
          .thenComparing(s -> s.id().value());

  private static final Set<PostingKind> WATERFALL_DRAWS =
      Set.of(PostingKind.RESERVED, PostingKind.CHARGED, PostingKind.ARREARS_SETTLED);

  static LongStream seeds() {
    return LongStream.range(0, 250);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aMemberPoolKeepsEveryInvariant(long seed) {
    new Scenario(seed, true).play();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anEnterprisePoolKeepsEveryInvariant(long seed) {
    new Scenario(seed, false).play();
  }

  private static final class Scenario {
    private final long seed;
    private final Random random;
    private final boolean member;
    private final TrackedPool pool;
    private final Map<String, Hold> openHolds = new LinkedHashMap<>();
    private final Map<SourceId, CreditSource> seen = new HashMap<>();
    private Instant now = T0;
    private long usageReported;
    private int ids;
    private String lastStep = "build";

    Scenario(long seed, boolean member) {
      this.seed = seed;
      this.random = new Random(seed);
      this.member = member;
      long[] planSizes = {0, 100, 1_500};
      this.pool =
          member
              ? aMemberPool().withPlanCredits(planSizes[random.nextInt(planSizes.length)]).build()
              : aTeamPool().build();
    }

    void play() {
      checkInvariants(0, false);
      for (int step = 1; step <= STEPS; step++) {
        int postingsBefore = pool.postings().size();
        int dice = random.nextInt(100);
        boolean singleDraw = true;
        if (dice < 15) {
          advanceTime();
          singleDraw = false;
        } else if (dice < 30) {
          creditLot();
        } else if (dice < 55) {
          reserve();
        } else if (dice < 82) {
          charge();
        } else {
          release();
        }
        checkInvariants(postingsBefore, singleDraw);
      }
    }

    private void advanceTime() {
      int how = random.nextInt(10);
      if (how < 3 && pool.pool().nextDueAt(TrackedPool.CYCLE).isPresent()) {
        Instant due = pool.pool().nextDueAt(TrackedPool.CYCLE).get();
        now = due.isAfter(now) ? due : now;
      } else if (how < 7) {
        now = now.plusSeconds(random.nextInt(3 * 24 * 3600));
      } else {
        now = now.plus(Duration.ofDays(random.nextInt(46)));
      }
      lastStep = "advance to " + now;
      pool.advanceTo(now);
    }

    private void creditLot() {
      String id = "lot-" + ids++;
      long credits = 1 + random.nextInt(1_000);
      Instant expires = now.plus(Duration.ofHours(1 + random.nextInt(400 * 24)));
      SourceKind kind = member ? SourceKind.ADD_ON : SourceKind.GRANT;
      lastStep = "credit " + id + " " + credits;
      CreditSource lot = PoolBuilder.source(id, kind, credits, now, expires);
      seen.put(lot.id(), lot);
      pool.credit(lot, now);
    }

    private void reserve() {
      String run = "run-" + ids++;
      long available = pool.pool().available();
      long credits = random.nextInt(4) == 0 && available > 0 ? available : 1 + random.nextInt(80);
      lastStep = "reserve " + credits + " for " + run + " with " + available + " available";
      ReserveOutcome outcome = pool.pool().reserve(new RunId(run), credits, now);
      if (available >= credits) {
        assertThat(outcome).as(context()).isInstanceOf(ReserveOutcome.Reserved.class);
        ReserveOutcome.Reserved reserved = (ReserveOutcome.Reserved) outcome;
        assertThat(reserved.hold().total()).as(context()).isEqualTo(credits);
        pool.apply(reserved.transition());
        openHolds.put(run, reserved.hold());
      } else {
        assertThat(outcome).as(context()).isInstanceOf(ReserveOutcome.Short.class);
      }
    }

    private void charge() {
      boolean withHold = !openHolds.isEmpty() && random.nextInt(5) > 0;
      String run = withHold ? pick() : "run-" + ids++;
      Hold hold = withHold ? openHolds.get(run) : Hold.NONE;
      long credits = 1 + random.nextInt(150);
      lastStep = "charge " + credits + " to " + run + " holding " + hold.total();
      ChargeOutcome outcome = pool.charge(run, hold, "u-" + ids++, credits, now);
      usageReported += credits;
      assertThat(outcome.total()).as(context()).isEqualTo(credits);
      assertThat(outcome.fromHold()).as(context()).isEqualTo(Math.min(credits, hold.total()));
      assertThat(outcome.remainingHold().total())
          .as(context())
          .isEqualTo(hold.total() - outcome.fromHold());
      if (withHold) {
        openHolds.put(run, outcome.remainingHold());
        if (!outcome.fullyCovered() && random.nextInt(10) < 7) {
          pool.release(run, openHolds.remove(run), now);
        }
      }
    }

    private void release() {
      if (openHolds.isEmpty()) {
        lastStep = "release nothing";
        return;
      }
      String run = pick();
      lastStep = "release " + run;
      pool.release(run, openHolds.remove(run), now);
    }

    private String pick() {
      List<String> runs = new ArrayList<>(openHolds.keySet());
      return runs.get(random.nextInt(runs.size()));
    }

    private void checkInvariants(int postingsBefore, boolean singleDraw) {
      Pool current = pool.pool();
      PoolBalances balances = current.balances();

      assertThat(Reconciliation.matches(current, pool.postings()))
          .as(context() + ": the ledger explains the pool")
          .isTrue();

      long remaining = current.sources().stream().mapToLong(CreditSource::remaining).sum();
      long credited = pool.sum(PostingKind.CREDITED);
      long charged = pool.sum(PostingKind.CHARGED) + pool.sum(PostingKind.CHARGED_FROM_HOLD);
      long expired = pool.sum(PostingKind.EXPIRED);
      long settled = pool.sum(PostingKind.ARREARS_SETTLED);
      long incurred = pool.sum(PostingKind.ARREARS_INCURRED);
      assertThat(credited)
          .as(context() + ": credited = charged + expired + arrears settled + remaining")
          .isEqualTo(charged + expired + settled + remaining);
      assertThat(current.arrears()).as(context()).isEqualTo(incurred - settled);
      assertThat(charged + incurred)
          .as(context() + ": every credit of usage was charged, none dropped")
          .isEqualTo(usageReported);

      Map<SourceId, Long> heldBySource = new HashMap<>();
      openHolds.values().stream()
          .flatMap(h -> h.reservations().stream())
          .forEach(r -> heldBySource.merge(r.source(), r.credits(), Long::sum));
      for (CreditSource source : current.sources()) {
        assertThat(source.reserved())
            .as(context() + ": open holds on " + source.id())
            .isEqualTo(heldBySource.getOrDefault(source.id(), 0L));
        assertThat(source.reserved()).as(context()).isLessThanOrEqualTo(source.remaining());
      }
      heldBySource
          .keySet()
          .forEach(id ->
              assertThat(current.source(id))
                  .as(context() + ": held source " + id + " still in the pool")
                  .isPresent());

      long free = current.sources().stream().mapToLong(CreditSource::free).sum();
      assertThat(balances.available()).as(context()).isEqualTo(free - current.arrears());
      for (CreditSource source : current.sources()) {
        if (source.isExpiredAt(now)) {
          assertThat(source.free())
              .as(context() + ": expired " + source.id() + " keeps only what runs hold")
              .isZero();
        }
      }
      if (current.arrears() > 0) {
        assertThat(free).as(context() + ": arrears are paid before credits are free").isZero();
      }

      List<CreditSource> livePlans =
          current.sources().stream()
              .filter(s -> s.kind() == SourceKind.PLAN && !s.isExpiredAt(now))
              .toList();
      assertThat(livePlans)
          .as(context() + ": one plan cycle at a time")
          .hasSizeLessThanOrEqualTo(1);
      livePlans.forEach(p ->
          assertThat(p.remaining())
              .as(context() + ": no rollover")
              .isLessThanOrEqualTo(pool.includedPerCycle()));
      if (!member) {
        assertThat(balances.plan()).as(context()).isZero();
      }

      long expiryEvents =
          pool.events().stream().filter(e -> e.type() == EventType.CREDITS_EXPIRED).count();
      long expiries = pool.postingsOf(PostingKind.EXPIRED).size();
      assertThat(expiryEvents)
          .as(context() + ": each expiry, timed or on release, has its event")
          .isEqualTo(expiries);

      if (singleDraw) {
        checkWaterfallOrder(pool.postings().subList(postingsBefore, pool.postings().size()));
      }
      current.sources().forEach(source -> seen.put(source.id(), source));
    }

    /**
     * Whatever a draw took from, no source earlier in the rule book's order was left with credits.
     */
    private void checkWaterfallOrder(List<Posting> step) {
      Pool current = pool.pool();
      for (Posting posting : step) {
        if (!WATERFALL_DRAWS.contains(posting.kind())) {
          continue;
        }
        CreditSource drawn =
            current.source(posting.source()).orElseGet(() -> ghost(posting, current));
        for (CreditSource other : current.sources()) {
          if (!other.isExpiredAt(now) && RULE_BOOK_ORDER.compare(other, drawn) < 0) {
            assertThat(other.free())
                .as(
                    context()
                        + ": drew "
                        + posting.kind()
                        + " from "
                        + drawn.id()
                        + " while "
                        + other.id()
                        + " comes first")
                .isZero();
          }
        }
      }
    }

    /**
     * A source emptied by the step is gone from the pool; its place in the order is what counts.
     */
    private CreditSource ghost(Posting posting, Pool current) {
      CreditSource known = seen.get(posting.source());
      assertThat(known).as(context() + ": drew from unknown " + posting.source()).isNotNull();
      return known;
    }

    private String context() {
      return "seed " + seed + (member ? " member" : " team") + " after [" + lastStep + "]";
    }
  }
}
