package dev.agentcredits.application.port.in;

/** An email address as members are enrolled with: name@domain, no spaces. */
public record Email(String value) {
  public Email {
    if (value == null || !value.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
      throw new IllegalArgumentException("must look like name@domain");
    }
  }

  /** {@code email} checked, or an error that names the field. */
  static String requireValid(String email, String field) {
    try {
      return new Email(email).value();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " " + e.getMessage(), e);
    }
  }
}
