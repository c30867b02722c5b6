package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.MemberLimitStore.Kept;
import java.time.LocalDate;
import java.util.List;

/** Members' month-to-date figures to keep (DOMAIN.md rule 24), one array per column. */
record MemberSpendColumns(
    String[] memberId,
    String[] teamId,
    LocalDate[] month,
    Long[] chargedCredits,
    Long[] heldCredits) {

  /** Parameters {@code :spend.*}: a member has one row, the month it counts. */
  static final String UPSERT =
      "INSERT INTO member_month_credits (member_id, team_id, month, charged_credits, held_credits)"
          + " SELECT * FROM unnest(CAST(:spend.memberId AS text[]), CAST(:spend.teamId AS text[]),"
          + " CAST(:spend.month AS date[]), CAST(:spend.chargedCredits AS bigint[]),"
          + " CAST(:spend.heldCredits AS bigint[]))"
          + " ON CONFLICT (member_id) DO UPDATE SET month = excluded.month,"
          + " charged_credits = excluded.charged_credits, held_credits = excluded.held_credits";

  static MemberSpendColumns of(List<Kept> figures) {
    return new MemberSpendColumns(
        figures.stream().map(f -> f.member().value()).toArray(String[]::new),
        figures.stream().map(f -> f.team().value()).toArray(String[]::new),
        figures.stream().map(f -> f.spend().month().atDay(1)).toArray(LocalDate[]::new),
        figures.stream().map(f -> f.spend().charged()).toArray(Long[]::new),
        figures.stream().map(f -> f.spend().held()).toArray(Long[]::new));
  }
}
