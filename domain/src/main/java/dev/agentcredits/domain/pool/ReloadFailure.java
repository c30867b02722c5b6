package dev.agentcredits.domain.pool;

/** Why an auto-reload bought nothing (DOMAIN.md rule 17). */
public enum ReloadFailure {
  SPEND_CAP_REACHED,
  PAYMENT_DECLINED,
  AUTO_RELOAD_DISABLED;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
