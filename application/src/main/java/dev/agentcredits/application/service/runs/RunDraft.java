package dev.agentcredits.application.service.runs;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import java.time.Instant;

/**
 * A run on its way through admission: a new submission (not stored yet) or a FAILED run being
 * retried (stored, so it is updated rather than inserted).
 */
record RunDraft(Run template, boolean stored, String requestKey) {
  static RunDraft fresh(
      dev.agentcredits.domain.shared.RunId id,
      dev.agentcredits.domain.shared.TeamId team,
      dev.agentcredits.domain.principal.Trigger trigger,
      dev.agentcredits.domain.shared.MemberId member,
      String scheduleId,
      String prompt,
      BilledPool billed,
      Instant now,
      String requestKey,
      dev.agentcredits.domain.shared.ApiKeyId submittedWith) {
    Run template =
        new Run(
            id,
            team,
            trigger,
            member,
            scheduleId,
            prompt,
            billed,
            RunState.FAILED,
            Hold.NONE,
            0,
            RunFailure.INSUFFICIENT_CREDITS,
            now,
            now,
            now,
            submittedWith);
    return new RunDraft(template, false, requestKey);
  }

  static RunDraft retry(Run failed) {
    return new RunDraft(failed, true, null);
  }
}
