package dev.agentcredits.application.port.in;

final class Emails {
  private Emails() {}

  static void requireValid(String email, String field) {
    if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,190}")) {
      throw new IllegalArgumentException(field + " must look like name@domain");
    }
  }
}
