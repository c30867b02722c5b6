package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.threshold.Announced;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.StatementContext;

/** A month of {@code team_month_spend}: the spend and the cap thresholds announced (rule 25). */
record SpendRow(long spentCents, Integer[] announcedPercents, Instant announcedAt) {
  static final String COLUMNS = "spent_cents, announced_percents, announced_at";

  static SpendRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new SpendRow(
        rs.getLong("spent_cents"),
        (Integer[]) rs.getArray("announced_percents").getArray(),
        Rows.INSTANT.map(rs, "announced_at", ctx));
  }

  static SpendRow of(MonthlySpend spend) {
    return new SpendRow(
        spend.spent().cents(),
        spend.announced().percents().toArray(Integer[]::new),
        spend.announced().lastAt());
  }

  MonthlySpend toSpend(TeamId team, YearMonth month) {
    Announced announced =
        announcedAt == null
            ? Announced.NONE
            : new Announced(new TreeSet<>(Arrays.asList(announcedPercents)), announcedAt);
    return new MonthlySpend(team, month, Money.cents(spentCents), announced);
  }
}
