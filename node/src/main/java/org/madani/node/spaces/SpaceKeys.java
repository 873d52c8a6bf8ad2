package org.madani.node.spaces;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.model.Organization;
import org.madani.node.store.SpaceRepository;

/**
 * Each hosted organization's X25519 space key (spaces.md §3.1), made on first use. The private half
 * is a PKCS#8 file in the keys directory, owner-only, written through {@link PrivateKeyFiles}:
 * encrypted (PBES2) with the node's key passphrase when one is set, exactly like the signing keys,
 * so a copied data directory without the passphrase opens no space. The public half is a column.
 * Unlocked keys are cached in memory per organization. Thread-safe; blocking (call in a
 * transaction).
 */
public final class SpaceKeys {

  private final SpaceRepository repo;
  private final PrivateKeyFiles files;
  private final SpaceCrypto crypto;
  private final Path keysDir;
  private final Map<Long, SpaceCrypto.KeyPair> unlocked = new ConcurrentHashMap<>();

  private final java.util.function.Function<Organization, String> actorId;

  /**
   * @param actorId an organization's actor id (the recipient every wrap is bound to)
   */
  public SpaceKeys(
      SpaceRepository repo,
      PrivateKeyFiles files,
      SpaceCrypto crypto,
      Path keysDir,
      java.util.function.Function<Organization, String> actorId) {
    this.actorId = actorId;
    this.repo = repo;
    this.files = files;
    this.crypto = crypto;
    this.keysDir = keysDir;
  }

  /** The organization's space public key (raw, 32 bytes), made now if it has none. */
  public byte[] publicKey(Connection c, Organization org, Instant now) throws SQLException {
    var known = repo.publicKey(c, org.id());
    if (known.isPresent()) return decode(known.get());
    SpaceCrypto.KeyPair kp = crypto.newSpaceKey();
    // A random suffix: a file left by a rolled-back transaction is never in the way of the next
    // one.
    Path file =
        keysDir.resolve(
            org.handle()
                + "-space-x25519-"
                + encode(crypto.newContentKey()).substring(0, 8)
                + ".pem");
    write(file, files.pem(jdkPrivate(kp.privateKey())));
    // Only the file name is stored: a restored backup puts the keys directory elsewhere.
    repo.insertKey(c, org.id(), encode(kp.publicKey()), file.getFileName().toString(), now);
    unlocked.put(org.id(), kp);
    return kp.publicKey();
  }

  /** The organization's space key pair, read (and decrypted) from its file once. */
  public SpaceCrypto.KeyPair keyPair(Connection c, Organization org) throws SQLException {
    SpaceCrypto.KeyPair cached = unlocked.get(org.id());
    if (cached != null) return cached;
    String file =
        repo.privateFile(c, org.id())
            .orElseThrow(() -> new IllegalStateException("organization has no space key yet"));
    try {
      Path stored = Path.of(file);
      PrivateKey key = files.read(stored.isAbsolute() ? stored : keysDir.resolve(stored));
      byte[] scalar = ((XECPrivateKey) key).getScalar().orElseThrow();
      SpaceCrypto.KeyPair kp = SpaceCrypto.keyPair(scalar);
      unlocked.put(org.id(), kp);
      return kp;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Our organization's content key of {@code epoch} in space {@code spacePk}, when it was wrapped
   * for us.
   */
  public java.util.Optional<byte[]> contentKey(
      Connection c, Organization org, String spaceId, long spacePk, int epoch) throws SQLException {
    for (SpaceRepository.EpochRow e : repo.epochs(c, spacePk)) {
      if (e.epoch() != epoch) continue;
      SpaceCrypto.WrappedKey w = new SpaceCrypto.WrappedKey(decode(e.enc()), decode(e.wrapped()));
      return java.util.Optional.of(
          SpaceCrypto.unwrap(w, keyPair(c, org), spaceId, epoch, actorId.apply(org)));
    }
    return java.util.Optional.empty();
  }

  static PrivateKey jdkPrivate(byte[] raw) {
    try {
      return KeyFactory.getInstance("X25519")
          .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, raw));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 unavailable", e);
    }
  }

  public static String encode(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static byte[] decode(String s) {
    return Base64.getUrlDecoder().decode(s);
  }

  private static void write(Path file, String pem) {
    try {
      Files.createDirectories(file.getParent());
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.write(
          file, pem.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "refusing to overwrite existing key file " + file.getFileName(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
