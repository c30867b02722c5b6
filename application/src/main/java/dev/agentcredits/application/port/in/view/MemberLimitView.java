package dev.agentcredits.application.port.in.view;

/**
 * A member's monthly credit limit: their own ({@code monthlyCredits}, null: the team's default),
 * the one that applies ({@code effectiveMonthlyCredits}, null: none) and what counts against it
 * this month (charged plus held by their open runs).
 */
public record MemberLimitView(
    String memberId, Long monthlyCredits, Long effectiveMonthlyCredits, long monthToDateCredits) {}
