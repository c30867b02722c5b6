package dev.agentcredits.domain.principal;

public enum PoolKind {
  MEMBER,
  TEAM
}
