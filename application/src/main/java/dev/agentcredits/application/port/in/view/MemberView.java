package dev.agentcredits.application.port.in.view;

public record MemberView(String memberId, String email, String role) {}
