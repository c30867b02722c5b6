package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * DOMAIN.md rule 24 in one transaction on runs: each member's monthly limit and month-to-date
 * figure, read once the pools their runs bill are locked. Every change to a member's USER runs
 * holds that lock (the member's pool, or the team pool on Enterprise), so the figure read is exact
 * and stays so as this transaction moves it, run by run, and keeps it with its other writes. A
 * member with no limit, who never had one, costs a share of one look-up and no write.
 */
final class MemberBudgets {
  private final MemberLimitStore store;
  private final YearMonth month;
  private final Map<MemberId, Tracked> tracked = new HashMap<>();
  private final Set<MemberId> read = new HashSet<>();

  /** A member whose figure is kept: with the limit that applies (null: none now). */
  private record Tracked(TeamId team, Long limit, MemberSpend spend, boolean changed) {}

  MemberBudgets(MemberLimitStore store, Instant now) {
    this.store = store;
    this.month = MonthlySpend.monthOf(now);
  }

  /**
   * Reads the limits and figures of these members (null entries and members read before are left
   * out); call it once the pools their runs bill are locked. A member a limit applies to and whose
   * figure is not kept yet has it tallied from their runs, and kept from now on.
   */
  void read(Collection<MemberId> members) {
    Set<MemberId> unread = new LinkedHashSet<>();
    for (MemberId member : members) {
      if (member != null && read.add(member)) {
        unread.add(member);
      }
    }
    if (unread.isEmpty()) {
      return;
    }
    for (MemberLimitStore.Standing standing : store.standings(unread).values()) {
      if (standing.kept() != null) {
        MemberSpend spend = standing.kept().in(month);
        tracked.put(
            standing.member(),
            new Tracked(standing.team(), standing.limit(), spend, !spend.equals(standing.kept())));
      } else if (standing.limit() != null) {
        MemberSpend spend = store.tally(standing.team(), standing.member(), month);
        tracked.put(standing.member(), new Tracked(standing.team(), standing.limit(), spend, true));
      }
    }
  }

  /** The budget of {@code member} as things stand; null when no limit applies to them. */
  MemberBudget of(MemberId member) {
    Tracked t = member == null ? null : tracked.get(member);
    return t == null || t.limit() == null ? null : new MemberBudget(member, t.limit(), t.spend());
  }

  /** One of the transaction's runs moved from {@code before} (null: it is new) to {@code after}. */
  void moved(Run before, Run after) {
    MemberId member = after.countsAgainst().orElse(null);
    Tracked t = member == null ? null : tracked.get(member);
    if (t == null) {
      return;
    }
    long charged = after.charged() - (before == null ? 0 : before.charged());
    long held = after.hold().total() - (before == null ? 0 : before.hold().total());
    if (charged != 0 || held != 0) {
      tracked.put(member, new Tracked(t.team(), t.limit(), t.spend().moved(charged, held), true));
    }
  }

  /** Hands the figures this transaction changed to its writes. */
  void keepIn(PoolChanges changes) {
    tracked.forEach((member, t) -> {
      if (t.changed()) {
        changes.kept(new MemberLimitStore.Kept(t.team(), member, t.spend()));
      }
    });
  }

  /** The members whose limits count for these runs: those who started USER runs. */
  static List<MemberId> membersOf(Collection<Run> runs) {
    return runs.stream()
        .map(run -> run.countsAgainst().orElse(null))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }
}
