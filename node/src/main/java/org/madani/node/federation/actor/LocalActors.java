package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
import org.madani.node.federation.wire.ActorDocument;
import org.madani.node.federation.wire.CryptographicKey;
import org.madani.node.federation.wire.Multikey;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.store.KeyRepository;
import org.madani.node.store.KeyRepository.KeyRow;

/**
 * The ActivityPub actors of hosted organizations: their JSON-LD documents (type Organization, with
 * the RSA key as {@code publicKey} for Mastodon-style peers and the Ed25519 key as a FEP-521a
 * Multikey in {@code assertionMethod}) and their signing keys. Private keys are read from their
 * owner-only files once and cached in memory; they never appear in any document. Thread-safe.
 */
public final class LocalActors {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LocalActors.class);

  /** Stateless; where the organization moved from or to. */
  private final org.madani.node.store.OrgMoveRepository moves =
      new org.madani.node.store.OrgMoveRepository();

  /** Fragment of the RSA key id, {@code <actor>#main-key}, the name Mastodon-style peers expect. */
  public static final String RSA_FRAGMENT = "main-key";

  private final ObjectMapper json;
  private final Urls urls;
  private final KeyRepository keys;
  private final Map<String, SigningKey> signingKeys = new ConcurrentHashMap<>();

  public LocalActors(ObjectMapper json, Urls urls, KeyRepository keys) {
    this(json, urls, keys, PrivateKeyFiles.PLAIN);
  }

  /**
   * @param keyFiles reads private key files, plain or encrypted with the configured passphrase
   */
  public LocalActors(ObjectMapper json, Urls urls, KeyRepository keys, PrivateKeyFiles keyFiles) {
    this.json = json;
    this.urls = urls;
    this.keys = keys;
    this.keyFiles = keyFiles;
  }

  private final PrivateKeyFiles keyFiles;

  public String actorId(String handle) {
    return urls.organization(handle);
  }

  private static final java.util.regex.Pattern HANDLE =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{1,30}");

  /** The handle of a hosted organization's actor id, if {@code actorId} is one of ours. */
  public java.util.Optional<String> handleOf(String actorId) {
    String prefix = urls.root() + "/orgs/";
    if (actorId == null || !actorId.startsWith(prefix)) return java.util.Optional.empty();
    String rest = actorId.substring(prefix.length());
    return HANDLE.matcher(rest).matches()
        ? java.util.Optional.of(rest)
        : java.util.Optional.empty();
  }

  public String inbox(String handle) {
    return actorId(handle) + "/inbox";
  }

  public String sharedInbox() {
    return urls.root() + "/inbox";
  }

  public String followers(String handle) {
    return actorId(handle) + "/followers";
  }

  public String rsaKeyId(String handle) {
    return actorId(handle) + "#" + RSA_FRAGMENT;
  }

  public String keyId(String handle, String fragment) {
    return actorId(handle) + "#" + fragment;
  }

  /** The actor document of {@code org}. Blocking (reads keys); call inside a transaction. */
  public ObjectNode document(Connection c, Organization org) throws SQLException {
    return json.valueToTree(actor(c, org));
  }

  /**
   * The actor document of {@code org} as a typed record. Blocking (reads keys); call inside a
   * transaction.
   */
  public ActorDocument actor(Connection c, Organization org) throws SQLException {
    String id = actorId(org.handle());
    // publicKey lists the RSA key first (Mastodon reads only the first) and then the current
    // Ed25519
    // signing key, which signs our RFC 9421 requests: Fedify 1.6+ looks HTTP-signature keys up
    // under publicKey only (never assertionMethod), so without it every first RFC 9421 delivery
    // to a Fedify server is refused. The same key, same id, is the Multikey in assertionMethod.
    List<CryptographicKey> publicKeys = new ArrayList<>();
    List<Multikey> assertion = new ArrayList<>();
    List<Multikey> recovery = new ArrayList<>();
    List<JsonNode> revocations = new ArrayList<>();
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if ("rsa".equals(k.algorithm()) && k.current()) {
        publicKeys.add(0, cryptographicKey(id, k));
      } else if ("ed25519".equals(k.algorithm()) && "signing".equals(k.purpose())) {
        if (k.current() && k.revokedAt() == null) publicKeys.add(cryptographicKey(id, k));
        // Rotated-out and revoked keys stay listed with their bounds (Controlled Identifiers
        // "expires"/"revoked"), so that peers meeting us later can still check older copies.
        assertion.add(multikey(id, k, k.expiresAt(), k.revokedAt()));
      } else if ("recovery".equals(k.purpose()) && k.revokedAt() == null) {
        recovery.add(multikey(id, k, null, null));
      }
      if (k.revocation() != null) {
        try {
          revocations.add(json.readTree(k.revocation()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    // Madani terms (protocol-spec/keys.md): the recovery key is not an assertion method, it only
    // signs revocation statements, which travel with the document so late peers learn them too.
    // A moved organization (issue 15 item 5): the new actor names the old one in alsoKnownAs (what
    // makes a Move to it valid for Mastodon, Fedify and Madani); the old one names the new in
    // movedTo.
    var moved = moves.find(c, org.id());
    List<String> alsoKnownAs =
        moved.isPresent() && moved.get().alsoKnownAs() != null
            ? List.of(moved.get().alsoKnownAs())
            : List.of();
    String movedTo = moved.isPresent() ? moved.get().movedTo() : null;
    JsonNode profile = org.profile();
    return new ActorDocument(
        EmittedContexts.actor(),
        id,
        ActorDocument.TYPE,
        org.handle(),
        Localized.plain(profile.get("name")),
        Localized.map(profile.get("name")),
        Localized.plain(profile.get("summary")),
        Localized.map(profile.get("summary")),
        id,
        inbox(org.handle()),
        id + "/outbox",
        followers(org.handle()),
        id + "/following",
        new ActorDocument.Endpoints(sharedInbox()),
        false,
        true,
        ActorDocument.ProfileTerms.of(profile),
        assertion,
        publicKeys,
        recovery,
        revocations,
        alsoKnownAs,
        movedTo);
  }

  private static CryptographicKey cryptographicKey(String actorId, KeyRow k) {
    return new CryptographicKey(actorId + "#" + k.fragment(), actorId, k.publicPem());
  }

  private static Multikey multikey(
      String actorId, KeyRow k, java.time.Instant expires, java.time.Instant revoked) {
    return new Multikey(
        actorId + "#" + k.fragment(),
        actorId,
        Keys.toMultibase(Keys.publicKeyFromPem(k.publicPem())),
        expires,
        revoked);
  }

  /**
   * The actor document as served: signed by the current key and, during a rotation overlap, by the
   * rotated-out ones too (a proof set), so that a peer that missed the rotation's Update learns the
   * new key with a proof by one it pinned. Dated by the last change of the profile or of its keys.
   */
  public ObjectNode signedDocument(Connection c, Organization org, java.time.Instant now)
      throws SQLException {
    java.time.Instant changed = org.updated();
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if (k.created().isAfter(changed)) changed = k.created();
    }
    ObjectNode doc = document(c, org);
    for (SigningKey key : documentKeys(c, org, now)) doc = ObjectProofs.sign(doc, key, changed);
    return doc;
  }

  /**
   * Reads every hosted organization's current signing keys once, at start: a missing or wrong
   * passphrase (MADANI_KEY_PASSPHRASE_FILE / MADANI_KEY_PASSPHRASE) then stops the node with a
   * message naming the organization, instead of failing its first delivery. Blocking.
   */
  public void checkSigningKeys(Connection c, List<Organization> all) throws SQLException {
    for (Organization org : all) {
      try {
        ed25519(c, org);
        rsa(c, org);
      } catch (UncheckedIOException e) {
        // A key file that is not there (a backup restored without --include-keys) is not a
        // passphrase problem: the node still serves its pages; signing fails until keys are back.
        LOG.warn(
            "signing keys of {} not readable: {}",
            org.handle(),
            e.getCause() == null ? e.getMessage() : e.getCause().toString());
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "cannot read the signing keys of '"
                + org.handle()
                + "': "
                + e.getMessage()
                + " (encrypted keys are read with the passphrase in MADANI_KEY_PASSPHRASE_FILE or MADANI_KEY_PASSPHRASE)",
            e);
      }
    }
  }

  /**
   * The organization's current Ed25519 signing key (RFC 9421 between Madani nodes, object proofs).
   */
  public SigningKey ed25519(Connection c, Organization org) throws SQLException {
    return signingKey(c, org, "ed25519", SignatureAlgorithm.ED25519);
  }

  /**
   * The Ed25519 keys that sign the served actor document: the current one and, during a rotation
   * overlap, the rotated-out ones, so that a peer that missed the rotation's Update and fetches the
   * document learns the new key with a proof by a key it already pinned (protocol-spec/keys.md §2).
   */
  public List<SigningKey> documentKeys(Connection c, Organization org, java.time.Instant now)
      throws SQLException {
    List<SigningKey> out = new java.util.ArrayList<>();
    out.add(ed25519(c, org));
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if ("ed25519".equals(k.algorithm())
          && "signing".equals(k.purpose())
          && k.revokedAt() == null
          && k.expiresAt() != null
          && k.expiresAt().isAfter(now)
          && k.privateFile() != null) {
        out.add(load(org, k, SignatureAlgorithm.ED25519));
      }
    }
    return out;
  }

  /** The organization's RSA signing key (draft-cavage for Mastodon-style peers). */
  public SigningKey rsa(Connection c, Organization org) throws SQLException {
    return signingKey(c, org, "rsa", SignatureAlgorithm.RSA_V1_5_SHA256);
  }

  private SigningKey signingKey(
      Connection c, Organization org, String algorithm, SignatureAlgorithm alg)
      throws SQLException {
    // The newest current key signs: after a rotation or revocation the next call picks the new one.
    KeyRow chosen = null;
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if (k.algorithm().equals(algorithm) && k.current() && k.privateFile() != null) chosen = k;
    }
    if (chosen == null)
      throw new IllegalStateException("no " + algorithm + " signing key for " + org.handle());
    return load(org, chosen, alg);
  }

  private SigningKey load(Organization org, KeyRow k, SignatureAlgorithm alg) {
    String keyId = keyId(org.handle(), k.fragment());
    SigningKey cached = signingKeys.get(keyId);
    if (cached != null) return cached;
    try {
      SigningKey key = new SigningKey(keyId, alg, keyFiles.read(Path.of(k.privateFile())));
      signingKeys.put(keyId, key);
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read private key of " + org.handle(), e);
    }
  }
}
