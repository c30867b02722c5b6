package dev.agentcredits.application.port.in.view;

public record ProvisionedTeamView(String teamId, String plan, IssuedMemberView owner) {}
