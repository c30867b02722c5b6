package dev.agentcredits.application.port.out;

import java.time.LocalDate;

/** Credits charged on one UTC day, and how many runs they were charged to. */
public record DailyCharges(LocalDate day, long credits, long runs) {}
