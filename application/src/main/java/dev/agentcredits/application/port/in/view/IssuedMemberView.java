package dev.agentcredits.application.port.in.view;

/** A new member and its key, shown once. */
public record IssuedMemberView(String memberId, String email, String role, String apiKey) {}
