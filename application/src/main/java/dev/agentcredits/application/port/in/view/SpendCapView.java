package dev.agentcredits.application.port.in.view;

public record SpendCapView(long monthlyLimitCents, long monthToDateSpendCents) {}
