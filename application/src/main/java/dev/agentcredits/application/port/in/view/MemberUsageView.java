package dev.agentcredits.application.port.in.view;

public record MemberUsageView(String memberId, long creditsCharged) {}
