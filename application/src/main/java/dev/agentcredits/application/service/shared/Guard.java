package dev.agentcredits.application.service.shared;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import java.util.function.Supplier;

/** The boundary of every use case: refusals thrown inside come out as outcomes. */
public final class Guard {
  private Guard() {}

  public static <T> Outcome<T> outcome(Supplier<Outcome<T>> work) {
    try {
      return work.get();
    } catch (RefusedException refused) {
      return Outcome.refused(refused.refusal());
    }
  }

  public static RefusedException refuse(Refusal refusal) {
    return new RefusedException(refusal);
  }
}
