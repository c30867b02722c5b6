package dev.agentcredits.application.port.in;

import java.util.regex.Pattern;

/**
 * An email address as members are enrolled with, checked as an address (RFC 5322's dot-atom, the
 * conservative part of it): a local part of letters, digits and {@code !#$%&'*+/=?^_{|}~-} in
 * dot-separated runs (no quoted strings, so no spaces, quotes, angle brackets, parentheses, colons
 * or backslashes), {@code @}, and a domain name of letter-digit-hyphen labels with a top-level
 * label of letters (or an {@code xn--} one). At most 64 characters before the {@code @}, 254 in
 * all.
 */
public record Email(String value) {
  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final String TOP = "(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})";
  private static final Pattern ADDRESS =
      Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+" + TOP);

  public Email {
    if (value == null
        || value.length() > 254
        || value.indexOf('@') > 64
        || !ADDRESS.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "must be an email address such as name@example.com (letters, digits and"
              + " !#$%&'*+/=?^_{|}~.- before the @; no spaces, quotes, angle brackets or colons)");
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
