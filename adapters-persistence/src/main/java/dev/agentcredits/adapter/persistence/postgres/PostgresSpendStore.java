package dev.agentcredits.adapter.persistence.postgres;

import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Month-to-date spend in {@code team_month_spend}. A lock is {@code SELECT ... FOR NO KEY UPDATE}
 * on the month's row: one statement once the month has a row. The first lock of a month inserts the
 * row ({@code ON CONFLICT DO NOTHING}, so two transactions racing to create it end up with one row)
 * and then locks it with a new statement, whose snapshot sees a row another transaction created
 * meanwhile. The row also keeps the cap thresholds announced in the month (rule 25).
 */
public final class PostgresSpendStore implements SpendStore {
  private final JdbiTransactionRunner db;

  PostgresSpendStore(JdbiTransactionRunner db) {
    this.db = db;
  }

  @Override
  public MonthlySpend lock(TeamId team, YearMonth month) {
    LocalDate first = month.atDay(1);
    SpendRow row =
        db.withDao(
            SpendDao.class,
            dao ->
                dao.lock(team.value(), first)
                    .orElseGet(() -> {
                      dao.create(team.value(), first);
                      return dao.lock(team.value(), first).orElseThrow();
                    }));
    return row.toSpend(team, month);
  }

  @Override
  public MonthlySpend find(TeamId team, YearMonth month) {
    return db.withDao(SpendDao.class, dao -> dao.find(team.value(), month.atDay(1)))
        .map(row -> row.toSpend(team, month))
        .orElse(MonthlySpend.none(team, month));
  }

  @Override
  public void update(MonthlySpend spend) {
    db.withDao(
        SpendDao.class,
        dao -> {
          SpendRow row = SpendRow.of(spend);
          dao.save(
              spend.team().value(),
              spend.month().atDay(1),
              row.spentCents(),
              row.announcedPercents(),
              row.announcedAt());
          return null;
        });
  }
}
