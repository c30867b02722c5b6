package dev.agentcredits.application.service.idempotency;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.view.SpendCapView;

/**
 * Spend cap changes under an {@code Idempotency-Key} ({@link Idempotency}): a change made is kept;
 * a refusal changed nothing, so a corrected retry may use the key again.
 */
public final class IdempotentSpendCap implements RaiseSpendCapUseCase {
  private static final Operation<SpendCapView> SPEND_CAP =
      new Operation<>("spend_cap", SpendCapView.class, outcome -> outcome instanceof Outcome.Ok);

  private final RaiseSpendCapUseCase spendCaps;
  private final Idempotency idempotency;

  public IdempotentSpendCap(RaiseSpendCapUseCase spendCaps, Idempotency idempotency) {
    this.spendCaps = spendCaps;
    this.idempotency = idempotency;
  }

  @Override
  public Outcome<SpendCapView> setMonthlyLimit(RaiseSpendCapCommand command) {
    var request =
        Keyed.of(
            command,
            command.caller(),
            RequestKey.ofNullable(command.requestKey()),
            command.team().value(),
            Long.toString(command.monthlyLimit().cents()));
    return idempotency.once(SPEND_CAP, request, spendCaps::setMonthlyLimit);
  }
}
