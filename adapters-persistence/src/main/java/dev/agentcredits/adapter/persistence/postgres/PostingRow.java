package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code ledger_postings}; {@code sequence} is assigned by the database. */
record PostingRow(
    long sequence,
    String teamId,
    String poolId,
    String kind,
    long credits,
    String sourceId,
    String sourceKind,
    String runId,
    String reference,
    Instant at) {

  static final String COLUMNS =
      "sequence, team_id, pool_id, kind, credits, source_id, source_kind, run_id, reference, at";

  static PostingRow of(String teamId, Posting posting) {
    return new PostingRow(
        0,
        teamId,
        posting.pool().value(),
        posting.kind().name(),
        posting.credits(),
        posting.source() == null ? null : posting.source().value(),
        posting.sourceKind() == null ? null : posting.sourceKind().name(),
        posting.run() == null ? null : posting.run().value(),
        posting.reference(),
        posting.at());
  }

  Posting toPosting() {
    return new Posting(
        new PoolId(poolId),
        PostingKind.valueOf(kind),
        credits,
        sourceId == null ? null : new SourceId(sourceId),
        sourceKind == null ? null : SourceKind.valueOf(sourceKind),
        runId == null ? null : new RunId(runId),
        reference,
        at);
  }

  LedgerEntry toEntry() {
    return new LedgerEntry(sequence, toPosting());
  }

  static PostingRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PostingRow(
        rs.getLong("sequence"),
        rs.getString("team_id"),
        rs.getString("pool_id"),
        rs.getString("kind"),
        rs.getLong("credits"),
        rs.getString("source_id"),
        rs.getString("source_kind"),
        rs.getString("run_id"),
        rs.getString("reference"),
        Rows.INSTANT.map(rs, "at", ctx));
  }
}
