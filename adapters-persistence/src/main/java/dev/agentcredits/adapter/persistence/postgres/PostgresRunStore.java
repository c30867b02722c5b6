package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs in {@code runs} (a request key is unique per team), usage reports in {@code run_usage} (a
 * usage id once per run), both written by {@link PostgresBatchWriter}.
 */
public final class PostgresRunStore implements RunStore {
  private final JdbiTransactionRunner db;

  PostgresRunStore(JdbiTransactionRunner db) {
    this.db = db;
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
    String[] keys = requestKeys.toArray(String[]::new);
    Map<String, RunRow> rows =
        db.withDao(RunDao.class, dao -> dao.findByRequestKeys(team.value(), keys));
    Map<String, Run> runs = new LinkedHashMap<>();
    rows.forEach((key, row) -> runs.put(key, row.toRun()));
    return runs;
  }

  @Override
  public List<Run> lockAll(Collection<RunId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String[] distinct = ids.stream().map(RunId::value).distinct().toArray(String[]::new);
    return db.withDao(
        RunDao.class, dao -> dao.lockAll(distinct).stream().map(RunRow::toRun).toList());
  }

  @Override
  public Map<UsageKey, Usage> findUsages(Collection<UsageKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    String[] runs = keys.stream().map(k -> k.run().value()).toArray(String[]::new);
    String[] usages = keys.stream().map(k -> k.usage().value()).toArray(String[]::new);
    Map<UsageKey, Usage> found = new LinkedHashMap<>();
    for (UsageRow row : db.withDao(RunDao.class, dao -> dao.findUsages(runs, usages))) {
      Usage usage = row.toUsage();
      found.put(usage.key(), usage);
    }
    return found;
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
