package dev.agentcredits.application.port.in.view;

/** A setup page opened for the team's card: where to send the admin. */
public record SetupSessionView(String sessionId, String url) {}
