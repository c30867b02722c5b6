package dev.agentcredits.application.port.out;

import java.time.Duration;
import java.time.Instant;

/** Moves a manual clock forward (tests and demos). */
public interface ClockControl {
  Instant advance(Duration by);
}
