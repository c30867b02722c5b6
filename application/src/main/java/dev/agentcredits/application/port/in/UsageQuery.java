package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Credits charged per UTC day from {@code from} to {@code to}, both included (at most 366 days);
 * either may be null (to: today; from: 30 days ending at {@code to}); {@code member} narrows it to
 * that member's pool.
 */
public record UsageQuery(
    Caller caller, TeamId team, LocalDate from, LocalDate to, MemberId member) {
  public static final int MAX_DAYS = 366;
  public static final int DEFAULT_DAYS = 30;

  public UsageQuery {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    StorableTime.require(from, "from");
    StorableTime.require(to, "to");
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        throw new IllegalArgumentException("from must not be after to");
      }
      if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
        throw new IllegalArgumentException("from and to span at most " + MAX_DAYS + " days");
      }
    }
  }
}
