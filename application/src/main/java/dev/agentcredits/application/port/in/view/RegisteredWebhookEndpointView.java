package dev.agentcredits.application.port.in.view;

import java.util.List;

/** A new endpoint with its signing secret ({@code whsec_…}), shown this once. */
public record RegisteredWebhookEndpointView(
    String endpointId, String url, List<String> eventTypes, String description, String secret) {}
