package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.OperationsUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Operator-only tools that exist when the deployment has a manual clock or simulated payments. */
public final class OperationsService implements OperationsUseCase {
  /** Ten years: enough for any test of cycles and expiries. */
  static final long MAX_ADVANCE_SECONDS = 10L * 366 * 24 * 3600;

  private final TeamStore teams;
  private final TransactionRunner tx;
  private final Optional<ClockControl> clock;
  private final Optional<PaymentSimulation> payments;

  public OperationsService(
      TeamStore teams,
      TransactionRunner tx,
      Optional<ClockControl> clock,
      Optional<PaymentSimulation> payments) {
    this.teams = teams;
    this.tx = tx;
    this.clock = clock;
    this.payments = payments;
  }

  @Override
  public Outcome<Instant> advanceClock(Caller caller, long seconds) {
    return Guard.outcome(() -> {
      Access.requireOperator(caller);
      ClockControl control =
          clock.orElseThrow(() ->
              Guard.refuse(
                  Refusal.featureNotAvailable(
                      "the clock is the system clock; start with AGENT_CREDITS_CLOCK=manual")));
      if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
        throw Guard.refuse(
            Refusal.invalid("advance_seconds must be from 0 to " + MAX_ADVANCE_SECONDS));
      }
      return Outcome.ok(control.advance(Duration.ofSeconds(seconds)));
    });
  }

  @Override
  public Outcome<Boolean> setPaymentsDeclined(Caller caller, TeamId team, boolean declined) {
    return Guard.outcome(() -> {
      Access.requireOperator(caller);
      PaymentSimulation simulation =
          payments.orElseThrow(() ->
              Guard.refuse(
                  Refusal.featureNotAvailable(
                      "payments go to a real gateway; they cannot be simulated")));
      if (tx.inTransaction(() -> teams.find(team)).isEmpty()) {
        throw Guard.refuse(Refusal.notFound("team " + team));
      }
      simulation.setDeclined(team, declined);
      return Outcome.ok(declined);
    });
  }
}
