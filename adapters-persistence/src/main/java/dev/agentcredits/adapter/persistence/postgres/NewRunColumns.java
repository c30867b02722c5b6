package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.numbers;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import dev.agentcredits.application.port.out.RunStore.NewRun;
import java.time.Instant;
import java.util.List;

/** Runs to insert with their request keys, one array per column. */
record NewRunColumns(
    String[] runId,
    String[] teamId,
    String[] trigger,
    String[] triggeredBy,
    String[] scheduleId,
    String[] prompt,
    String[] billedPoolId,
    String[] billedPoolKind,
    String[] billedTeamId,
    String[] billedMemberId,
    String[] billedPayer,
    String[] state,
    String[] hold,
    Long[] charged,
    String[] failure,
    Instant[] createdAt,
    Instant[] lastActivityAt,
    Instant[] endedAt,
    String[] submittedKeyId,
    String[] requestKey) {

  /**
   * Parameters {@code :run.*}. A request key another run of the team holds fails it with the unique
   * index {@code runs_team_request_key} ({@link DatabaseFailures}: a duplicate key).
   */
  static final String INSERT =
      "INSERT INTO runs ("
          + RunRow.COLUMNS
          + ", request_key) SELECT * FROM unnest(CAST(:run.runId AS text[]),"
          + " CAST(:run.teamId AS text[]), CAST(:run.trigger AS text[]),"
          + " CAST(:run.triggeredBy AS text[]), CAST(:run.scheduleId AS text[]),"
          + " CAST(:run.prompt AS text[]), CAST(:run.billedPoolId AS text[]),"
          + " CAST(:run.billedPoolKind AS text[]), CAST(:run.billedTeamId AS text[]),"
          + " CAST(:run.billedMemberId AS text[]), CAST(:run.billedPayer AS text[]),"
          + " CAST(:run.state AS text[]), CAST(:run.hold AS jsonb[]),"
          + " CAST(:run.charged AS bigint[]), CAST(:run.failure AS text[]),"
          + " CAST(:run.createdAt AS timestamptz[]), CAST(:run.lastActivityAt AS timestamptz[]),"
          + " CAST(:run.endedAt AS timestamptz[]), CAST(:run.submittedKeyId AS text[]),"
          + " CAST(:run.requestKey AS text[]))";

  private record Keyed(RunRow run, String requestKey) {}

  static NewRunColumns of(List<NewRun> runs) {
    List<Keyed> rows =
        runs.stream().map(fresh -> new Keyed(RunRow.of(fresh.run()), fresh.requestKey())).toList();
    return new NewRunColumns(
        texts(rows, r -> r.run().runId()),
        texts(rows, r -> r.run().teamId()),
        texts(rows, r -> r.run().trigger()),
        texts(rows, r -> r.run().triggeredBy()),
        texts(rows, r -> r.run().scheduleId()),
        texts(rows, r -> r.run().prompt()),
        texts(rows, r -> r.run().billedPoolId()),
        texts(rows, r -> r.run().billedPoolKind()),
        texts(rows, r -> r.run().billedTeamId()),
        texts(rows, r -> r.run().billedMemberId()),
        texts(rows, r -> r.run().billedPayer()),
        texts(rows, r -> r.run().state()),
        texts(rows, r -> r.run().hold()),
        numbers(rows, r -> r.run().charged()),
        texts(rows, r -> r.run().failure()),
        instants(rows, r -> r.run().createdAt()),
        instants(rows, r -> r.run().lastActivityAt()),
        instants(rows, r -> r.run().endedAt()),
        texts(rows, r -> r.run().submittedKeyId()),
        texts(rows, Keyed::requestKey));
  }
}
