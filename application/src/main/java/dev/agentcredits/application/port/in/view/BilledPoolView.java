package dev.agentcredits.application.port.in.view;

/** {@code kind} is MEMBER or TEAM; {@code memberId} is null for a team pool. */
public record BilledPoolView(String kind, String teamId, String memberId) {}
