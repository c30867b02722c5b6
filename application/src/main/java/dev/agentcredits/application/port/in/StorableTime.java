package dev.agentcredits.application.port.in;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates and instants a client sends, within what every store keeps and a person means: the years
 * 1970 to 9999 (UTC). PostgreSQL's own range is wider at the start but ends in year 294276, and
 * Java parses years far beyond it.
 */
public interface StorableTime {
  int FIRST_YEAR = 1970;
  int LAST_YEAR = 9999;

  static Instant require(Instant value, String field) {
    if (value != null) {
      require(LocalDate.ofInstant(value, ZoneOffset.UTC), field);
    }
    return value;
  }

  static LocalDate require(LocalDate value, String field) {
    if (value != null && (value.getYear() < FIRST_YEAR || value.getYear() > LAST_YEAR)) {
      throw new IllegalArgumentException(
          field + " must be in the years " + FIRST_YEAR + " to " + LAST_YEAR + " (UTC)");
    }
    return value;
  }
}
