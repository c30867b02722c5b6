package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.SpendCapView;

public interface RaiseSpendCapUseCase {
  Outcome<SpendCapView> setMonthlyLimit(RaiseSpendCapCommand command);
}
