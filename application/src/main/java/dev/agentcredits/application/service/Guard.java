package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import java.util.function.Supplier;

/** The boundary of every use case: refusals thrown inside come out as outcomes. */
final class Guard {
  private Guard() {}

  static <T> Outcome<T> outcome(Supplier<Outcome<T>> work) {
    try {
      return work.get();
    } catch (RefusedException refused) {
      return Outcome.refused(refused.refusal());
    }
  }

  static RefusedException refuse(Refusal refusal) {
    return new RefusedException(refusal);
  }
}
