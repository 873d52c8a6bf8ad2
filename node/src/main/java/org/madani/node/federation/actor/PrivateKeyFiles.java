package org.madani.node.federation.actor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Map;
import org.madani.node.federation.sig.Keys;

/**
 * How the organizations' private signing keys are kept in {@code <data>/keys}: as plain PKCS#8 PEM,
 * or, when a passphrase is configured, encrypted with it (PBES2, see {@link Keys#toEncryptedPem}).
 * The passphrase comes from {@code MADANI_KEY_PASSPHRASE_FILE} (a file, e.g. a container secret) or
 * {@code MADANI_KEY_PASSPHRASE}; it is never stored beside the keys. Reading accepts both forms, so
 * existing plain files keep working and new keys are written encrypted once a passphrase is set.
 * Thread-safe.
 */
public final class PrivateKeyFiles {

  /** Plain files, as before (the default). */
  public static final PrivateKeyFiles PLAIN = new PrivateKeyFiles(null);

  private final char[] passphrase;
  private final SecureRandom random = new SecureRandom();

  public PrivateKeyFiles(char[] passphrase) {
    this.passphrase = passphrase == null || passphrase.length == 0 ? null : passphrase.clone();
  }

  /**
   * From {@code MADANI_KEY_PASSPHRASE_FILE} or else {@code MADANI_KEY_PASSPHRASE}; plain when
   * neither is set.
   */
  public static PrivateKeyFiles fromEnv(Map<String, String> env) {
    char[] p = org.madani.node.config.Passphrases.fromEnv(env, "MADANI_KEY_PASSPHRASE");
    return p == null ? PLAIN : new PrivateKeyFiles(p);
  }

  public boolean encrypts() {
    return passphrase != null;
  }

  /** The PEM to write for {@code key}: encrypted when a passphrase is set. */
  public String pem(PrivateKey key) {
    return passphrase == null ? Keys.toPem(key) : Keys.toEncryptedPem(key, passphrase, random);
  }

  /** Reads a key file in either form; an encrypted one needs the passphrase. */
  public PrivateKey read(Path file) throws IOException {
    String pem = Files.readString(file, StandardCharsets.US_ASCII);
    if (!Keys.isEncryptedPem(pem)) return Keys.privateKeyFromPem(pem);
    if (passphrase == null) {
      throw new IllegalStateException(
          "the key file "
              + file.getFileName()
              + " is encrypted: set MADANI_KEY_PASSPHRASE_FILE or MADANI_KEY_PASSPHRASE");
    }
    return Keys.privateKeyFromEncryptedPem(pem, passphrase);
  }
}
