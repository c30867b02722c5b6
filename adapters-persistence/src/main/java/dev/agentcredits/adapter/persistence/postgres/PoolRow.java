package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code pools} with its rows of {@code credit_sources}. */
record PoolRow(
    String poolId,
    String kind,
    String teamId,
    String memberId,
    Instant cycleAnchor,
    Instant cycleStart,
    long arrears,
    boolean autoReloadEnabled,
    Long autoReloadDenomination,
    long autoReloadThreshold,
    String autoReloadTurnedOffBy,
    String reloadInFlight,
    Instant dueAt,
    Instant closedAt,
    List<SourceRow> sources) {

  static final String COLUMNS =
      "pool_id, kind, team_id, member_id, cycle_anchor, cycle_start, arrears, auto_reload_enabled,"
          + " auto_reload_denomination, auto_reload_threshold, auto_reload_turned_off_by,"
          + " reload_in_flight, due_at, closed_at";

  PoolRow {
    sources = List.copyOf(sources);
  }

  static PoolRow of(Pool pool, Instant dueAt) {
    AutoReloadSettings auto = pool.autoReload();
    return new PoolRow(
        pool.id().value(),
        pool.kind().name(),
        pool.team().value(),
        pool.member() == null ? null : pool.member().value(),
        pool.cycleAnchor(),
        pool.cycleStart(),
        pool.arrears(),
        auto.enabled(),
        auto.denomination() == null ? null : auto.denomination().value(),
        auto.threshold().value(),
        auto.turnedOffBy() == null ? null : auto.turnedOffBy().name(),
        pool.reloadInFlight() == null ? null : pool.reloadInFlight().value(),
        dueAt,
        pool.closedAt(),
        pool.sources().stream().map(SourceRow::of).toList());
  }

  Pool toPool() {
    AutoReloadSettings auto =
        new AutoReloadSettings(
            autoReloadEnabled,
            autoReloadDenomination == null ? null : Credits.of(autoReloadDenomination),
            Credits.of(autoReloadThreshold),
            autoReloadTurnedOffBy == null ? null : ReloadFailure.valueOf(autoReloadTurnedOffBy));
    return new Pool(
        new PoolId(poolId),
        PoolKind.valueOf(kind),
        new TeamId(teamId),
        memberId == null ? null : new MemberId(memberId),
        cycleAnchor,
        cycleStart,
        arrears,
        sources.stream().map(SourceRow::toSource).toList(),
        auto,
        reloadInFlight == null ? null : new PurchaseId(reloadInFlight),
        closedAt);
  }

  /** The same pool with one more source (as {@link PoolDao.Reducer} meets them). */
  PoolRow with(SourceRow source) {
    List<SourceRow> more = new ArrayList<>(sources);
    more.add(source);
    return new PoolRow(
        poolId,
        kind,
        teamId,
        memberId,
        cycleAnchor,
        cycleStart,
        arrears,
        autoReloadEnabled,
        autoReloadDenomination,
        autoReloadThreshold,
        autoReloadTurnedOffBy,
        reloadInFlight,
        dueAt,
        closedAt,
        more);
  }

  /** The pool's columns of a row; its sources come with {@link #with}. */
  static PoolRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PoolRow(
        rs.getString("pool_id"),
        rs.getString("kind"),
        rs.getString("team_id"),
        rs.getString("member_id"),
        Rows.INSTANT.map(rs, "cycle_anchor", ctx),
        Rows.INSTANT.map(rs, "cycle_start", ctx),
        rs.getLong("arrears"),
        rs.getBoolean("auto_reload_enabled"),
        Rows.nullableLong(rs, "auto_reload_denomination"),
        rs.getLong("auto_reload_threshold"),
        rs.getString("auto_reload_turned_off_by"),
        rs.getString("reload_in_flight"),
        Rows.INSTANT.map(rs, "due_at", ctx),
        Rows.INSTANT.map(rs, "closed_at", ctx),
        List.of());
  }
}
