package dev.agentcredits.domain.shared;

import java.util.regex.Pattern;

final class Ids {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_:.\\-]{1,128}");

  private Ids() {}

  static void requireValid(String value, String what) {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 1-128 characters of [A-Za-z0-9_:.-]");
    }
  }
}
