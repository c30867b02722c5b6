package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/**
 * A page of runs, newest first. {@code team}, {@code member}, {@code state} and {@code cursor} may
 * be null (the caller's team, every member, every state, the first page).
 */
public record ListRunsQuery(
    Caller caller, TeamId team, MemberId member, RunState state, int limit, String cursor) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public ListRunsQuery {
    Objects.requireNonNull(caller, "caller");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT);
    }
  }

  /** The state named by a client, e.g. {@code QUEUED}; anything else is not a state. */
  public static RunState state(String name) {
    if (name == null) {
      return null;
    }
    for (RunState state : RunState.values()) {
      if (state.name().equals(name)) {
        return state;
      }
    }
    throw new IllegalArgumentException(
        "state must be one of QUEUED, SUCCEEDED, FAILED, ERROR, CANCELLED");
  }
}
