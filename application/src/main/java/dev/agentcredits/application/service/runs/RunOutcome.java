package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunDecision;

/** What one {@link RunOperation} came to, once committed. */
public sealed interface RunOutcome {

  /** The run as the operation left it; {@code next} is what a charge asks for after the commit. */
  record Done(Run run, boolean changed, RunDecision.Next next) implements RunOutcome {}

  /**
   * A usage id the run has seen: {@code answered} is what its first report was answered with (null
   * when not kept: answer from the run as it stands).
   */
  record Replayed(Run run, RunStore.Answered answered) implements RunOutcome {}

  record Refused(Refusal refusal) implements RunOutcome {}

  /** The answer to the caller, with the run as the operation left it. */
  default Outcome<RunView> answer() {
    return switch (this) {
      case Done done -> Outcome.ok(Views.run(done.run()));
      case Replayed replayed ->
          Outcome.ok(Views.run(replayed.run(), replayed.answered())).asReplay();
      case Refused refused -> Outcome.refused(refused.refusal());
    };
  }
}
