package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.view.RunOriginView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.in.view.SubmittedByView;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.shared.Views;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Member;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs as their reads show them: with when, what (the prompt's start) and who. Members and keys are
 * looked up once per read however many runs name them; a removed member still names their runs.
 */
final class RunOrigins {
  /** The longest excerpt of a prompt, in characters, its ellipsis included. */
  static final int EXCERPT_LENGTH = 80;

  private final TeamStore teams;
  private final ApiKeyStore keys;
  private final Map<MemberId, Optional<Member>> members = new HashMap<>();
  private final Map<ApiKeyId, Optional<ApiKey>> apiKeys = new HashMap<>();

  /** One per read (call inside its transaction): it remembers what it looked up. */
  RunOrigins(TeamStore teams, ApiKeyStore keys) {
    this.teams = teams;
    this.keys = keys;
  }

  RunView view(Run run) {
    return Views.run(run)
        .withOrigin(
            new RunOriginView(
                run.createdAt(), excerpt(run.prompt(), EXCERPT_LENGTH), submittedBy(run)));
  }

  private SubmittedByView submittedBy(Run run) {
    return switch (run.trigger()) {
      case USER -> {
        MemberId id = run.triggeredBy();
        String email =
            id == null
                ? null
                : members
                    .computeIfAbsent(id, teams::findMemberEver)
                    .map(Member::email)
                    .orElse(null);
        yield new SubmittedByView(id == null ? null : id.value(), email, null, null, null);
      }
      case TEAM_API_KEY -> {
        ApiKeyId id = run.submittedWith();
        String name =
            id == null
                ? null
                : apiKeys.computeIfAbsent(id, keys::find).map(ApiKey::name).orElse(null);
        yield new SubmittedByView(null, null, id == null ? null : id.value(), name, null);
      }
      case SCHEDULED -> new SubmittedByView(null, null, null, null, run.scheduleId());
    };
  }

  /**
   * At most {@code max} characters (code points, so a character is never split) of the text; when
   * cut, it ends with an ellipsis, counted in the {@code max}.
   */
  static String excerpt(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    int end = text.offsetByCodePoints(0, max - 1);
    return text.substring(0, end) + "\u2026";
  }
}
