package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/**
 * Which runs of a team to list, newest first: those {@code triggeredBy} a member and in {@code
 * state} when given, strictly older than {@code before} (by creation time, then id) when given.
 */
public record RunListing(TeamId team, MemberId triggeredBy, RunState state, Position before) {
  public RunListing {
    Objects.requireNonNull(team, "team");
  }

  /** A run's place in the newest-first order: later runs come first, ties by id, highest first. */
  public record Position(Instant createdAt, RunId run) {
    public Position {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(run, "run");
    }
  }
}
