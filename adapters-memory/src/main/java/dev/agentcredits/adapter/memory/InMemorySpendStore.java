package dev.agentcredits.adapter.memory;

import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.YearMonth;

final class InMemorySpendStore implements SpendStore {
  private final MemoryDatabase db;
  private final Table<String, MonthlySpend> months;

  InMemorySpendStore(MemoryDatabase db) {
    this.db = db;
    this.months = new Table<>(db);
  }

  @Override
  public MonthlySpend lock(TeamId team, YearMonth month) {
    return find(team, month);
  }

  @Override
  public MonthlySpend find(TeamId team, YearMonth month) {
    return db.call(() -> months.get(key(team, month)).orElse(MonthlySpend.none(team, month)));
  }

  @Override
  public void update(MonthlySpend spend) {
    db.run(() -> months.put(key(spend.team(), spend.month()), spend));
  }

  private static String key(TeamId team, YearMonth month) {
    return team.value() + "|" + month;
  }
}
