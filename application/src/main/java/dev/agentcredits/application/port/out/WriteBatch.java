package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one transaction writes about pools and runs once it has decided: the pools it locked,
 * as they are now, their postings, the runs it made or moved on, the usage reports it charged, the
 * events it raised and the members' figures against their monthly limits. Saved in one call ({@link
 * BatchWriter}), so the store can send it as one batch while the pools' rows are locked.
 */
public record WriteBatch(
    List<PoolUpdate> pools,
    List<Posting> postings,
    List<RunStore.NewRun> newRuns,
    List<Run> progressedRuns,
    List<RunStore.Usage> usages,
    List<DomainEvent> events,
    List<MemberLimitStore.Kept> memberSpends) {

  /** A batch that keeps no member's figure. */
  public WriteBatch(
      List<PoolUpdate> pools,
      List<Posting> postings,
      List<RunStore.NewRun> newRuns,
      List<Run> progressedRuns,
      List<RunStore.Usage> usages,
      List<DomainEvent> events) {
    this(pools, postings, newRuns, progressedRuns, usages, events, List.of());
  }

  /** A pool's new state and when time next changes it (a refresh or an expiry), or null. */
  public record PoolUpdate(Pool pool, Instant dueAt) {}

  public WriteBatch {
    pools = List.copyOf(pools);
    postings = List.copyOf(postings);
    newRuns = List.copyOf(newRuns);
    progressedRuns = List.copyOf(progressedRuns);
    usages = List.copyOf(usages);
    events = List.copyOf(events);
    memberSpends = List.copyOf(memberSpends);
  }

  public boolean isEmpty() {
    return pools.isEmpty()
        && postings.isEmpty()
        && newRuns.isEmpty()
        && progressedRuns.isEmpty()
        && usages.isEmpty()
        && events.isEmpty()
        && memberSpends.isEmpty();
  }

  /**
   * The postings by the team whose ledger keeps them (a batch may touch several teams' pools);
   * every posting is on a pool of {@link #pools}.
   */
  public Map<TeamId, List<Posting>> postingsByTeam() {
    Map<PoolId, TeamId> teams = new LinkedHashMap<>();
    pools.forEach(update -> teams.put(update.pool().id(), update.pool().team()));
    Map<TeamId, List<Posting>> byTeam = new LinkedHashMap<>();
    for (Posting posting : postings) {
      TeamId team = teams.get(posting.pool());
      if (team == null) {
        throw new IllegalStateException("a posting on pool " + posting.pool() + " it did not save");
      }
      byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(posting);
    }
    return byTeam;
  }
}
