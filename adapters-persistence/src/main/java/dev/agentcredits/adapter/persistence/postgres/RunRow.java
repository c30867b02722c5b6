package dev.agentcredits.adapter.persistence.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Reservation;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.PoolKind;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code runs}. The hold's reservations are a JSON array in waterfall order ({@code
 * source}, {@code kind}, {@code credits}): they are only ever read and written with their run.
 */
record RunRow(
    String runId,
    String teamId,
    String trigger,
    String triggeredBy,
    String scheduleId,
    String prompt,
    String billedPoolId,
    String billedPoolKind,
    String billedTeamId,
    String billedMemberId,
    String billedPayer,
    String state,
    String hold,
    long charged,
    String failure,
    Instant createdAt,
    Instant lastActivityAt,
    Instant endedAt,
    String submittedKeyId) {

  static final String COLUMNS =
      "run_id, team_id, trigger, triggered_by, schedule_id, prompt, billed_pool_id,"
          + " billed_pool_kind, billed_team_id, billed_member_id, billed_payer, state, hold,"
          + " charged, failure, created_at, last_activity_at, ended_at,"
          + " submitted_key_id";

  static RunRow of(Run run) {
    BilledPool billed = run.billedPool();
    return new RunRow(
        run.id().value(),
        run.team().value(),
        run.trigger().name(),
        run.triggeredBy() == null ? null : run.triggeredBy().value(),
        run.scheduleId(),
        run.prompt(),
        billed.poolId().value(),
        billed.kind().name(),
        billed.team().value(),
        billed.member() == null ? null : billed.member().value(),
        billed.payer().name(),
        run.state().name(),
        holdJson(run.hold()),
        run.charged(),
        run.failure() == null ? null : run.failure().name(),
        run.createdAt(),
        run.lastActivityAt(),
        run.endedAt(),
        run.submittedWith() == null ? null : run.submittedWith().value());
  }

  Run toRun() {
    BilledPool billed =
        new BilledPool(
            new PoolId(billedPoolId),
            PoolKind.valueOf(billedPoolKind),
            new TeamId(billedTeamId),
            billedMemberId == null ? null : new MemberId(billedMemberId),
            Payer.valueOf(billedPayer));
    return new Run(
        new RunId(runId),
        new TeamId(teamId),
        Trigger.valueOf(trigger),
        triggeredBy == null ? null : new MemberId(triggeredBy),
        scheduleId,
        prompt,
        billed,
        RunState.valueOf(state),
        holdOf(hold),
        charged,
        failure == null ? null : RunFailure.valueOf(failure),
        createdAt,
        lastActivityAt,
        endedAt,
        submittedKeyId == null ? null : new ApiKeyId(submittedKeyId));
  }

  static RunRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new RunRow(
        rs.getString("run_id"),
        rs.getString("team_id"),
        rs.getString("trigger"),
        rs.getString("triggered_by"),
        rs.getString("schedule_id"),
        rs.getString("prompt"),
        rs.getString("billed_pool_id"),
        rs.getString("billed_pool_kind"),
        rs.getString("billed_team_id"),
        rs.getString("billed_member_id"),
        rs.getString("billed_payer"),
        rs.getString("state"),
        rs.getString("hold"),
        rs.getLong("charged"),
        rs.getString("failure"),
        Rows.INSTANT.map(rs, "created_at", ctx),
        Rows.INSTANT.map(rs, "last_activity_at", ctx),
        Rows.INSTANT.map(rs, "ended_at", ctx),
        rs.getString("submitted_key_id"));
  }

  private static String holdJson(Hold hold) {
    List<Map<String, Object>> reservations = new ArrayList<>();
    for (Reservation reservation : hold.reservations()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("source", reservation.source().value());
      entry.put("kind", reservation.sourceKind().name());
      entry.put("credits", reservation.credits());
      reservations.add(entry);
    }
    return Json.write(reservations);
  }

  private static Hold holdOf(String json) {
    List<Reservation> reservations = new ArrayList<>();
    for (JsonNode node : Json.tree(json)) {
      reservations.add(
          new Reservation(
              new SourceId(node.get("source").asText()),
              SourceKind.valueOf(node.get("kind").asText()),
              node.get("credits").asLong()));
    }
    return new Hold(reservations);
  }
}
