package dev.agentcredits.application.port.in.view;

import java.time.LocalDate;
import java.util.List;

/** Every day from {@code from} to {@code to} (zero days included), and the members' totals. */
public record UsageView(
    LocalDate from, LocalDate to, List<DayUsageView> days, List<MemberUsageView> members) {}
