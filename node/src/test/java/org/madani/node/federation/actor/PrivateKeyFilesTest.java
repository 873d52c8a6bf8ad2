package org.madani.node.federation.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.sig.Keys;
import org.madani.node.store.Database;
import org.madani.node.store.KeyRepository;
import org.madani.node.trust.OrganizationKeys;

/**
 * Signing keys at rest: with a passphrase configured, {@link OrganizationKeys} writes key files
 * that hold no plain key material and read back only with that passphrase; without one, files are
 * plain PEM as before, and both forms stay readable.
 */
class PrivateKeyFilesTest {

  @TempDir Path tmp;

  @Test
  void withAPassphrase_keyFilesAreEncrypted_andReadBackOnlyWithIt() throws Exception {
    Path passFile = tmp.resolve("passphrase");
    Files.writeString(passFile, "correct horse battery staple\n");
    PrivateKeyFiles files =
        PrivateKeyFiles.fromEnv(Map.of("MADANI_KEY_PASSPHRASE_FILE", passFile.toString()));
    assertThat(files.encrypts()).isTrue();
    try (Database db = Database.open(null, tmp.resolve("db"))) {
      db.txBlocking(
          c -> {
            c.createStatement()
                .execute(
                    "INSERT INTO organization(handle, profile, created, updated) VALUES"
                        + " ('sawa', '{}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            return null;
          });
      long orgId =
          db.txBlocking(
              c -> {
                var rs = c.createStatement().executeQuery("SELECT id FROM organization");
                rs.next();
                return rs.getLong(1);
              });
      Path keys = tmp.resolve("keys");
      db.txBlocking(
          c ->
              new OrganizationKeys(new KeyRepository(), files)
                  .create(c, orgId, "sawa", keys, Instant.now()));
      try (var list = Files.list(keys)) {
        var all = list.toList();
        assertThat(all).hasSize(2); // Ed25519 and RSA; the recovery key is not kept at all
        for (Path f : all) {
          String pem = Files.readString(f, StandardCharsets.US_ASCII);
          assertThat(pem)
              .as(f.toString())
              .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
              .doesNotContain("-----BEGIN PRIVATE KEY-----");
        }
        Path f = all.get(0); // (each read costs a 600,000-round PBKDF2: one file is enough)
        {
          assertThat(files.read(f)).isNotNull();
          assertThatThrownBy(() -> new PrivateKeyFiles("wrong".toCharArray()).read(f))
              .isInstanceOf(IllegalArgumentException.class);
          assertThatThrownBy(() -> PrivateKeyFiles.PLAIN.read(f))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("MADANI_KEY_PASSPHRASE");
        }
      }
    }
  }

  @Test
  void plainFiles_stayReadable_withOrWithoutAPassphrase() throws Exception {
    var kp = Keys.generateEd25519(new SecureRandom());
    Path f = tmp.resolve("plain.pem");
    Files.writeString(f, PrivateKeyFiles.PLAIN.pem(kp.getPrivate()));
    assertThat(PrivateKeyFiles.PLAIN.read(f)).isEqualTo(kp.getPrivate());
    assertThat(new PrivateKeyFiles("x".toCharArray()).read(f)).isEqualTo(kp.getPrivate());
    assertThat(PrivateKeyFiles.fromEnv(Map.of()).encrypts()).isFalse();
  }
}
