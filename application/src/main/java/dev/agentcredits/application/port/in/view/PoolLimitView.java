package dev.agentcredits.application.port.in.view;

/** The monthly limit of a member pool's member, and what counts against it this month. */
public record PoolLimitView(long monthlyCredits, long monthToDateCredits) {}
