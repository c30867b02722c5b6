package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import java.util.Objects;

/**
 * DOMAIN.md rule 18 where the run itself carries the key: the same request under a key answers the
 * run the key already made; another request under it is a conflict.
 */
final class Replays {
  private static final Refusal KEY_REUSED =
      Refusal.conflict("the idempotency key was used for a different request");

  private Replays() {}

  /** {@code request} is the run the new submission would start. */
  static Outcome<RunView> ofRun(Run earlier, Run request) {
    return sameRequest(earlier, request)
        ? Outcome.ok(Views.run(earlier)).asReplay()
        : Outcome.refused(KEY_REUSED);
  }

  static boolean sameRequest(Run earlier, Run request) {
    return earlier.prompt().equals(request.prompt())
        && earlier.trigger() == request.trigger()
        && Objects.equals(earlier.scheduleId(), request.scheduleId())
        && Objects.equals(earlier.triggeredBy(), request.triggeredBy());
  }

  /**
   * A run its submission refused: the key's first answer was {@code insufficient_credits}, so a
   * replay must be that refusal again (worded from the pool as it is now), never a 201. A run
   * stopped for credits after acceptance has always charged something (its arrears).
   */
  static boolean refusedAtSubmission(Run run) {
    return run.state() == RunState.FAILED
        && run.failure() == RunFailure.INSUFFICIENT_CREDITS
        && run.charged() == 0;
  }
}
