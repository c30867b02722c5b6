package dev.agentcredits.application.port.in.view;

import java.util.List;

public record TeamBillingView(
    String teamId, String plan, SpendCapView spendCap, List<PoolView> pools) {}
