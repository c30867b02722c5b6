package dev.agentcredits.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar carries a PostgreSQL server for every common platform: its archives are there,
 * and the {@code postgres} executable inside each is built for the machines it is taken for (linux
 * x86_64 and arm64, a macOS universal binary with x86_64 and arm64, windows x86_64).
 */
class EmbeddedPlatformsIT {
  private static final int ELF_X86_64 = 0x3E;
  private static final int ELF_AARCH64 = 0xB7;
  private static final int MACHO_X86_64 = 0x01000007;
  private static final int MACHO_ARM64 = 0x0100000C;
  private static final int PE_AMD64 = 0x8664;

  @Test
  void theJarCarriesServerBinariesForLinuxMacosAndWindowsOnX86AndArm() throws IOException {
    Map<String, Set<String>> expected =
        Map.of(
            "postgres-linux-x86_64.txz", Set.of("elf x86_64"),
            "postgres-linux-arm_64.txz", Set.of("elf aarch64"),
            "postgres-darwin-x86_64.txz", Set.of("mach-o x86_64", "mach-o arm64"),
            "postgres-windows-x86_64.txz", Set.of("pe x86_64"));
    try (ZipFile jar = new ZipFile(JarService.jar().toFile())) {
      Set<String> archives = new HashSet<>();
      jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".txz")).forEach(archives::add);
      assertThat(archives).containsExactlyInAnyOrderElementsOf(expected.keySet());
      for (var archive : expected.entrySet()) {
        try (InputStream in = jar.getInputStream(jar.getEntry(archive.getKey()))) {
          assertThat(architectures(serverExecutable(in)))
              .as("what bin/postgres in %s runs on", archive.getKey())
              .containsExactlyInAnyOrderElementsOf(archive.getValue());
        }
      }
    }
  }

  /** The first bytes of {@code bin/postgres} (or {@code bin/postgres.exe}) in the archive. */
  private static byte[] serverExecutable(InputStream txz) throws IOException {
    try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName().replaceFirst("^\\./", "");
        if (name.equals("bin/postgres") || name.equals("bin/postgres.exe")) {
          return tar.readNBytes(4096);
        }
      }
    }
    throw new AssertionError("no bin/postgres in the archive");
  }

  private static Set<String> architectures(byte[] head) {
    ByteBuffer little = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer big = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
    Set<String> found = new HashSet<>();
    if (head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
      int machine = little.getShort(18) & 0xFFFF;
      found.add(
          machine == ELF_X86_64 ? "elf x86_64" : machine == ELF_AARCH64 ? "elf aarch64" : "elf ?");
    } else if (big.getInt(0) == 0xCAFEBABE) {
      int count = big.getInt(4);
      for (int i = 0; i < count; i++) {
        int cpu = big.getInt(8 + i * 20);
        found.add(
            cpu == MACHO_X86_64 ? "mach-o x86_64" : cpu == MACHO_ARM64 ? "mach-o arm64" : "?");
      }
    } else if (head[0] == 'M' && head[1] == 'Z') {
      int pe = little.getInt(0x3C);
      int machine = little.getShort(pe + 4) & 0xFFFF;
      found.add(machine == PE_AMD64 ? "pe x86_64" : "pe ?");
    }
    return found;
  }
}
