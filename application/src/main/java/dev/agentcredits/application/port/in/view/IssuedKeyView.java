package dev.agentcredits.application.port.in.view;

/** A new team API key, shown once. */
public record IssuedKeyView(String keyId, String apiKey) {}
