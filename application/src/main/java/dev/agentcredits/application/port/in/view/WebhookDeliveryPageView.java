package dev.agentcredits.application.port.in.view;

import java.util.List;

/** {@code nextCursor} is null on the last page. */
public record WebhookDeliveryPageView(List<WebhookDeliveryView> deliveries, String nextCursor) {}
