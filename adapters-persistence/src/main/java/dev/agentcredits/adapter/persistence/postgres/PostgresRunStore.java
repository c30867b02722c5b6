package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs in {@code runs} (a request key is unique per team), usage reports in {@code run_usage} (a
 * usage id once per run).
 */
public final class PostgresRunStore implements RunStore {
  private static final Set<String> HOLD = Set.of("hold");

  private final JdbiTransactionRunner db;

  PostgresRunStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  /**
   * One statement for any number of runs, deferred: a group commit of admissions sends its runs
   * with its pool, postings and events in one round trip. A request key that collides with another
   * request's fails that statement, so the transaction, as {@code DuplicateKeyException}.
   */
  @Override
  public void insertAll(List<NewRun> runs) {
    if (runs.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(runs.size());
    for (NewRun fresh : runs) {
      Map<String, Object> row = RunRow.of(fresh.run()).params();
      row.put("requestKey", fresh.requestKey());
      rows.add(row);
    }
    db.defer(RunDao.INSERT_JSON, Map.of("deferredRuns", RecordSets.json(rows, HOLD)));
  }

  @Override
  public Optional<Run> find(RunId id) {
    return db.withDao(RunDao.class, dao -> dao.find(id.value()).map(RunRow::toRun));
  }

  @Override
  public Optional<Run> lock(RunId id) {
    return db.withDao(RunDao.class, dao -> dao.lock(id.value()).map(RunRow::toRun));
  }

  @Override
  public Map<String, Run> findByRequestKeys(TeamId team, Collection<String> requestKeys) {
    if (requestKeys.isEmpty()) {
      return Map.of();
    }
    return db.withHandle(handle ->
        handle
            .createQuery(RunDao.FIND_BY_REQUEST_KEYS)
            .bind("team", team.value())
            .bindArray("keys", String.class, requestKeys)
            .map((rs, ctx) -> Map.entry(rs.getString("request_key"), RunRow.map(rs, ctx).toRun()))
            .collectToMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Override
  public void update(Run run) {
    int updated = db.withDao(RunDao.class, dao -> dao.update(RunRow.of(run).params()));
    if (updated != 1) {
      throw new IllegalStateException("no run " + run.id());
    }
  }

  /** Deferred: the runs are locked by this transaction, so they exist until it commits. */
  @Override
  public void updateProgress(Collection<Run> progressed) {
    if (progressed.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(progressed.size());
    for (Run run : progressed) {
      Map<String, Object> all = RunRow.of(run).params();
      Map<String, Object> row = new HashMap<>();
      for (String column : List.of("runId", "state", "hold", "charged", "failure")) {
        row.put(column, all.get(column));
      }
      row.put("lastActivityAt", all.get("lastActivityAt"));
      row.put("endedAt", all.get("endedAt"));
      rows.add(row);
    }
    db.defer(RunDao.UPDATE_PROGRESS_JSON, Map.of("deferredProgress", RecordSets.json(rows, HOLD)));
  }

  @Override
  public List<Run> lockAll(Collection<RunId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.withHandle(handle ->
        handle
            .createQuery(RunDao.LOCK_ALL)
            .bindArray("ids", String.class, ids.stream().map(RunId::value).distinct().toList())
            .mapTo(RunRow.class)
            .stream()
            .map(RunRow::toRun)
            .toList());
  }

  @Override
  public Map<UsageKey, Usage> findUsages(Collection<UsageKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<String> runIds = keys.stream().map(k -> k.run().value()).toList();
    List<String> usageIds = keys.stream().map(k -> k.usage().value()).toList();
    return db.withHandle(handle ->
        handle
            .createQuery(RunDao.FIND_USAGES)
            .bindArray("runs", String.class, runIds)
            .bindArray("usages", String.class, usageIds)
            .map((rs, ctx) -> UsageRows.map(rs))
            .collectToMap(Usage::key, usage -> usage));
  }

  /** Deferred: the run is locked, so no other report under its usage ids can commit meanwhile. */
  @Override
  public void recordUsages(List<Usage> reports) {
    if (reports.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(reports.size());
    for (Usage report : reports) {
      Map<String, Object> row = new HashMap<>();
      row.put("runId", report.run().value());
      row.put("usageId", report.usage().value());
      row.put("credits", report.credits());
      row.put("recordedAt", report.at());
      UsageRows.putAnswer(row, report.answered());
      rows.add(row);
    }
    db.defer(RunDao.RECORD_USAGES_JSON, Map.of("deferredUsage", RecordSets.json(rows, Set.of())));
  }

  @Override
  public List<Run> list(RunListing listing, int limit) {
    String team = listing.team().value();
    String member = listing.triggeredBy() == null ? null : listing.triggeredBy().value();
    String state = listing.state() == null ? null : listing.state().name();
    var before = listing.before();
    return db.withDao(
        RunDao.class,
        dao ->
            (before == null
                    ? dao.listFirst(team, member, state, limit)
                    : dao.listBefore(
                        team, member, state, before.createdAt(), before.run().value(), limit))
                .stream().map(RunRow::toRun).toList());
  }

  @Override
  public List<RunId> idleSince(Instant cutoff, int limit) {
    return db.withDao(
        RunDao.class, dao -> dao.idleSince(cutoff, limit).stream().map(RunId::new).toList());
  }
}
