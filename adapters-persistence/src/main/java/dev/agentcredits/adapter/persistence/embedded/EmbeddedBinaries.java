package dev.agentcredits.adapter.persistence.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;

/**
 * Finds the server's binaries in the jar: the library's own lookup, except on macOS, where its
 * x86_64 archive holds universal binaries (x86_64 and arm64) and so serves an arm64 Mac natively;
 * the library would look for a separate arm64 archive (an identical copy), then fall back to this
 * one with a warning about emulation that does not apply.
 */
final class EmbeddedBinaries implements PgBinaryResolver {
  static final EmbeddedBinaries INSTANCE = new EmbeddedBinaries();
  static final String MACOS_UNIVERSAL = "postgres-darwin-x86_64.txz";

  private EmbeddedBinaries() {}

  @Override
  public InputStream getPgBinary(String system, String machineHardware) throws IOException {
    if ("Darwin".equals(system)) {
      InputStream universal = EmbeddedBinaries.class.getResourceAsStream("/" + MACOS_UNIVERSAL);
      if (universal != null) {
        return universal;
      }
    }
    return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
  }
}
