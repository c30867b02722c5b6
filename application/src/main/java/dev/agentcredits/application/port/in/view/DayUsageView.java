package dev.agentcredits.application.port.in.view;

import java.time.LocalDate;

public record DayUsageView(LocalDate date, long creditsCharged, long runs) {}
