package dev.agentcredits.bootstrap;

/** The operator's bearer key; {@code generated} when none was configured. Never logged. */
public record OperatorKey(String value, boolean generated) {
  @Override
  public String toString() {
    return "OperatorKey[" + (generated ? "generated" : "configured") + "]";
  }
}
