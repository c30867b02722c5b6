package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/**
 * Start a run. Key holders leave {@code team}, {@code trigger} and {@code member} null: the key
 * says them. Integrations name them. {@code requestKey} makes a retried submission answer the first
 * run instead of starting a second.
 */
public record SubmitRunCommand(
    Caller caller,
    TeamId team,
    Trigger trigger,
    MemberId member,
    String scheduleId,
    String prompt,
    String requestKey) {

  public SubmitRunCommand {
    Objects.requireNonNull(caller, "caller");
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("prompt is required");
    }
    if (prompt.length() > Run.MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException("prompt must be at most 100000 characters");
    }
    if (scheduleId != null && (scheduleId.isBlank() || scheduleId.length() > 128)) {
      throw new IllegalArgumentException("schedule_id must be 1-128 characters");
    }
    if (caller instanceof Caller.Integration) {
      Objects.requireNonNull(team, "team_id is required");
      Objects.requireNonNull(trigger, "trigger is required");
      if (trigger == Trigger.USER && member == null) {
        throw new IllegalArgumentException("member_id is required for a USER trigger");
      }
      if (trigger == Trigger.SCHEDULED && scheduleId == null) {
        throw new IllegalArgumentException("schedule_id is required for a SCHEDULED trigger");
      }
    }
    Text.requirePlain(prompt, "prompt");
    Text.requirePlain(scheduleId, "schedule_id");
    RequestKey.requireValid(requestKey);
  }
}
