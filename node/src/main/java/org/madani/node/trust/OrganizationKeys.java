package org.madani.node.trust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.sig.Keys;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.KeyRepository.KeyRow;

/**
 * Creates an organization's key pairs with Bouncy Castle at {@code init}: Ed25519 for signatures
 * between Madani nodes and object proofs, RSA-2048 for Mastodon-style peers, and an Ed25519
 * recovery key whose private half is written once for the admin to move offline.
 *
 * <p>Private keys go to PKCS#8 PEM files readable by the owner only (created with those
 * permissions, never widened), are never logged and never leave through the API.
 */
public final class OrganizationKeys {

  public static final String ED25519_FRAGMENT = "ed25519-1";
  public static final String RSA_FRAGMENT = LocalActors.RSA_FRAGMENT;
  public static final String RECOVERY_FRAGMENT = "recovery-1";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");

  private final KeyRepository keys;
  private final SecureRandom random = new SecureRandom();
  private final PrivateKeyFiles files;

  public OrganizationKeys(KeyRepository keys) {
    this(keys, PrivateKeyFiles.PLAIN);
  }

  /**
   * @param files how private key files are written: plain, or encrypted with a passphrase
   */
  public OrganizationKeys(KeyRepository keys, PrivateKeyFiles files) {
    this.keys = keys;
    this.files = files;
  }

  /**
   * What {@link #create} made that is not kept: the recovery key's private half, as PEM. The caller
   * hands it to the admin once (a file the admin names outside the data directory, or the terminal)
   * and forgets it. It is never written to the data directory: a key kept beside the signing keys
   * is taken with them, and then restores nothing.
   */
  public record Created(String recoveryPrivatePem) {
    @Override
    public String toString() {
      return "Created[recovery key withheld]";
    }
  }

  public Created create(Connection c, long orgId, String handle, Path keysDir, Instant now)
      throws SQLException {
    createOwnerOnlyDir(keysDir);
    KeyPair ed = ed25519();
    KeyPair rsa = rsa2048();
    KeyPair recovery = ed25519();

    Path edFile = keysDir.resolve(handle + "-" + ED25519_FRAGMENT + ".pem");
    Path rsaFile = keysDir.resolve(handle + "-" + RSA_FRAGMENT + ".pem");
    writePrivate(edFile, ed);
    writePrivate(rsaFile, rsa);

    keys.insert(
        c,
        new KeyRow(
            orgId,
            ED25519_FRAGMENT,
            "ed25519",
            "signing",
            publicPem(ed),
            edFile.toString(),
            now,
            null));
    keys.insert(
        c,
        new KeyRow(
            orgId, RSA_FRAGMENT, "rsa", "signing", publicPem(rsa), rsaFile.toString(), now, null));
    // The recovery key's private half is not referenced and not stored: nothing on the server can
    // use it, which is the point.
    keys.insert(
        c,
        new KeyRow(
            orgId, RECOVERY_FRAGMENT, "ed25519", "recovery", publicPem(recovery), null, now, null));
    return new Created(Keys.toPem(recovery.getPrivate()));
  }

  /** What {@link #rotate} did: the key that signed until now and the one that signs from now on. */
  public record Rotated(String oldFragment, String newFragment, Instant oldExpires) {}

  /**
   * Creates the next Ed25519 signing key ({@code ed25519-N+1}, owner-only PEM file) and makes it
   * current; the old one stays published and verifies proofs created before {@code now + overlap}
   * (protocol-spec/keys.md §2). Blocking; call inside the caller's transaction.
   */
  public Rotated rotate(
      Connection c,
      long orgId,
      String handle,
      Path keysDir,
      Instant now,
      java.time.Duration overlap)
      throws SQLException {
    KeyRow current = null;
    int highest = 0;
    for (KeyRow k : keys.forOrganization(c, orgId)) {
      if (!"ed25519".equals(k.algorithm()) || !"signing".equals(k.purpose())) continue;
      if (k.current()) current = k;
      highest = Math.max(highest, number(k.fragment()));
    }
    if (current == null) throw new IllegalStateException("no current Ed25519 key for " + handle);
    String fragment = "ed25519-" + (highest + 1);
    createOwnerOnlyDir(keysDir);
    KeyPair ed = ed25519();
    Path file = keysDir.resolve(handle + "-" + fragment + ".pem");
    writePrivate(file, ed);
    Instant expires = now.plus(overlap);
    keys.expire(c, orgId, current.fragment(), expires);
    keys.insert(
        c,
        new KeyRow(
            orgId, fragment, "ed25519", "signing", publicPem(ed), file.toString(), now, null));
    return new Rotated(current.fragment(), fragment, expires);
  }

  private static int number(String fragment) {
    int dash = fragment.lastIndexOf('-');
    try {
      return dash < 0 ? 0 : Integer.parseInt(fragment.substring(dash + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private KeyPair ed25519() {
    return Keys.generateEd25519(random);
  }

  private KeyPair rsa2048() {
    return Keys.generateRsa2048(random);
  }

  static String publicPem(KeyPair kp) {
    return Keys.toPem(kp.getPublic());
  }

  private void writePrivate(Path file, KeyPair kp) {
    try {
      byte[] pem = files.pem(kp.getPrivate()).getBytes(StandardCharsets.US_ASCII);
      if (supportsPosix(file.getParent())) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.write(file, pem, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("refusing to overwrite existing key file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createOwnerOnlyDir(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        if (supportsPosix(dir.getParent())) {
          Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        } else {
          Files.createDirectories(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean supportsPosix(Path p) {
    return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
