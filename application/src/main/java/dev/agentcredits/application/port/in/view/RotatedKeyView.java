package dev.agentcredits.application.port.in.view;

/** A member's new key, shown once. */
public record RotatedKeyView(String memberId, String apiKey) {}
