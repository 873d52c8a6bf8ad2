package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.model.Organization;
import org.madani.node.store.Database;
import org.madani.node.store.SpaceRepository;

/**
 * Space keys at rest: with the node's key passphrase set, the private half on disk is
 * PBES2-encrypted PKCS#8.
 */
class SpaceKeysTest {

  @TempDir Path dir;
  Database db;
  final Organization org =
      new Organization(
          7, "sawa", new ObjectMapper().createObjectNode(), 1, Instant.EPOCH, Instant.EPOCH);
  final SpaceCrypto crypto = new SpaceCrypto(new SecureRandom());

  @BeforeEach
  void open() {
    db = Database.open(null, dir.resolve("db"));
  }

  @AfterEach
  void close() {
    db.close();
  }

  SpaceKeys keys(PrivateKeyFiles files) {
    return new SpaceKeys(
        new SpaceRepository(),
        files,
        crypto,
        dir.resolve("keys"),
        o -> "https://a.test/orgs/" + o.handle());
  }

  @Test
  void withPassphrase_theKeyFileIsEncrypted_andOnlyThePassphraseOpensIt() throws Exception {
    char[] passphrase = "correct horse battery staple".toCharArray();
    byte[] pub =
        db.txBlocking(c -> keys(new PrivateKeyFiles(passphrase)).publicKey(c, org, Instant.now()));
    String file = db.txBlocking(c -> new SpaceRepository().privateFile(c, org.id()).orElseThrow());
    assertThat(Path.of(file).isAbsolute())
        .as("only the name is stored, so a restored keys directory works")
        .isFalse();
    String pem = Files.readString(dir.resolve("keys").resolve(file), StandardCharsets.US_ASCII);
    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    assertThat(Files.getPosixFilePermissions(dir.resolve("keys").resolve(file)).toString())
        .isEqualTo("[OWNER_READ, OWNER_WRITE]");

    // a fresh node process (no cache) with the passphrase reads the same key pair back
    SpaceCrypto.KeyPair kp =
        db.txBlocking(c -> keys(new PrivateKeyFiles(passphrase)).keyPair(c, org));
    assertThat(kp.publicKey()).isEqualTo(pub);
    // without it, or with another, the file opens nothing
    assertThatThrownBy(() -> db.txBlocking(c -> keys(PrivateKeyFiles.PLAIN).keyPair(c, org)))
        .hasMessageContaining("encrypted");
    assertThatThrownBy(
            () ->
                db.txBlocking(
                    c -> keys(new PrivateKeyFiles("wrong".toCharArray())).keyPair(c, org)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withoutPassphrase_thePlainKeyRoundTrips_andWrapsOpenForItsOrganization() throws Exception {
    SpaceKeys keys = keys(PrivateKeyFiles.PLAIN);
    byte[] pub = db.txBlocking(c -> keys.publicKey(c, org, Instant.now()));
    byte[] again = db.txBlocking(c -> keys.publicKey(c, org, Instant.now()));
    assertThat(again).isEqualTo(pub); // made once
    byte[] content = crypto.newContentKey();
    SpaceCrypto.WrappedKey w =
        crypto.wrap(
            content, pub, "https://a.test/orgs/sawa/spaces/x", 1, "https://a.test/orgs/sawa");
    SpaceCrypto.KeyPair read = db.txBlocking(c -> keys(PrivateKeyFiles.PLAIN).keyPair(c, org));
    assertThat(
            SpaceCrypto.unwrap(
                w, read, "https://a.test/orgs/sawa/spaces/x", 1, "https://a.test/orgs/sawa"))
        .isEqualTo(content);
  }
}
