package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.sig.Keys;
import org.madani.node.federation.sig.ObjectProofs;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;
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

  /** Fragment of the RSA key id, {@code <actor>#main-key}, the name Mastodon-style peers expect. */
  public static final String RSA_FRAGMENT = "main-key";

  private final ObjectMapper json;
  private final Urls urls;
  private final KeyRepository keys;
  private final Map<String, SigningKey> signingKeys = new ConcurrentHashMap<>();

  public LocalActors(ObjectMapper json, Urls urls, KeyRepository keys) {
    this(json, urls, keys, PrivateKeyFiles.PLAIN);
  }

  /** @param keyFiles reads private key files, plain or encrypted with the configured passphrase */
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

  /** The handle of a hosted organization's actor id, if {@code actorId} is one of ours. */
  public java.util.Optional<String> handleOf(String actorId) {
    String prefix = urls.root() + "/orgs/";
    if (actorId == null || !actorId.startsWith(prefix)) return java.util.Optional.empty();
    String rest = actorId.substring(prefix.length());
    return rest.matches("[a-z0-9][a-z0-9_-]{1,30}") ? java.util.Optional.of(rest) : java.util.Optional.empty();
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
    String id = actorId(org.handle());
    ObjectNode a = json.createObjectNode();
    a.set("@context", EmittedContexts.actor());
    a.put("id", id);
    a.put("type", "Organization");
    a.put("preferredUsername", org.handle());
    Localized.put(a, "name", org.profile().get("name"));
    Localized.put(a, "summary", org.profile().get("summary"));
    a.put("url", id);
    a.put("inbox", inbox(org.handle()));
    a.put("outbox", id + "/outbox");
    a.put("followers", followers(org.handle()));
    a.put("following", id + "/following");
    a.putObject("endpoints").put("sharedInbox", sharedInbox());
    a.put("manuallyApprovesFollowers", false);
    a.put("discoverable", true);
    for (String field : List.of("sectors", "regions", "foundingYear", "legalForm", "mission", "links")) {
      if (org.profile().has(field)) a.set(field, org.profile().get(field));
    }
    // publicKey lists the RSA key first (Mastodon reads only the first) and then the current Ed25519
    // signing key, which signs our RFC 9421 requests: Fedify 1.6+ looks HTTP-signature keys up
    // under publicKey only (never assertionMethod), so without it every first RFC 9421 delivery
    // to a Fedify server is refused. The same key, same id, is the Multikey in assertionMethod.
    ArrayNode publicKeys = json.createArrayNode();
    ArrayNode assertion = a.putArray("assertionMethod");
    ArrayNode recovery = json.createArrayNode();
    ArrayNode revocations = json.createArrayNode();
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if ("rsa".equals(k.algorithm()) && k.current()) {
        publicKeys.insert(0, cryptographicKey(id, k));
      } else if ("ed25519".equals(k.algorithm()) && "signing".equals(k.purpose())) {
        if (k.current() && k.revokedAt() == null) publicKeys.add(cryptographicKey(id, k));
        // Rotated-out and revoked keys stay listed with their bounds (Controlled Identifiers
        // "expires"/"revoked"), so that peers meeting us later can still check older copies.
        ObjectNode m = multikey(assertion.addObject(), id, k);
        if (k.expiresAt() != null) m.put("expires", k.expiresAt().toString());
        if (k.revokedAt() != null) m.put("revoked", k.revokedAt().toString());
      } else if ("recovery".equals(k.purpose()) && k.revokedAt() == null) {
        multikey(recovery.addObject(), id, k);
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
    if (publicKeys.size() == 1) a.set("publicKey", publicKeys.get(0));
    else if (!publicKeys.isEmpty()) a.set("publicKey", publicKeys);
    if (!recovery.isEmpty()) a.set("recoveryKey", recovery);
    if (!revocations.isEmpty()) a.set("keyRevocations", revocations);
    return a;
  }

  private ObjectNode cryptographicKey(String actorId, KeyRow k) {
    return json.createObjectNode()
        .put("id", actorId + "#" + k.fragment())
        .put("type", "CryptographicKey")
        .put("owner", actorId)
        .put("publicKeyPem", k.publicPem());
  }

  private static ObjectNode multikey(ObjectNode m, String actorId, KeyRow k) {
    return m.put("id", actorId + "#" + k.fragment())
        .put("type", "Multikey")
        .put("controller", actorId)
        .put("publicKeyMultibase", Keys.toMultibase(Keys.publicKeyFromPem(k.publicPem())));
  }

  /**
   * The actor document as served: signed by the current key and, during a rotation overlap, by the
   * rotated-out ones too (a proof set), so that a peer that missed the rotation's Update learns the
   * new key with a proof by one it pinned. Dated by the last change of the profile or of its keys.
   */
  public ObjectNode signedDocument(Connection c, Organization org, java.time.Instant now) throws SQLException {
    java.time.Instant changed = org.updated();
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if (k.created().isAfter(changed)) changed = k.created();
    }
    ObjectNode doc = document(c, org);
    for (SigningKey key : documentKeys(c, org, now)) doc = ObjectProofs.sign(doc, key, changed);
    return doc;
  }

  /** The organization's current Ed25519 signing key (RFC 9421 between Madani nodes, object proofs). */
  public SigningKey ed25519(Connection c, Organization org) throws SQLException {
    return signingKey(c, org, "ed25519", SignatureAlgorithm.ED25519);
  }

  /**
   * The Ed25519 keys that sign the served actor document: the current one and, during a rotation
   * overlap, the rotated-out ones, so that a peer that missed the rotation's Update and fetches the
   * document learns the new key with a proof by a key it already pinned (protocol-spec/keys.md §2).
   */
  public List<SigningKey> documentKeys(Connection c, Organization org, java.time.Instant now) throws SQLException {
    List<SigningKey> out = new java.util.ArrayList<>();
    out.add(ed25519(c, org));
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if ("ed25519".equals(k.algorithm()) && "signing".equals(k.purpose()) && k.revokedAt() == null
          && k.expiresAt() != null && k.expiresAt().isAfter(now) && k.privateFile() != null) {
        out.add(load(org, k, SignatureAlgorithm.ED25519));
      }
    }
    return out;
  }

  /** The organization's RSA signing key (draft-cavage for Mastodon-style peers). */
  public SigningKey rsa(Connection c, Organization org) throws SQLException {
    return signingKey(c, org, "rsa", SignatureAlgorithm.RSA_V1_5_SHA256);
  }

  private SigningKey signingKey(Connection c, Organization org, String algorithm, SignatureAlgorithm alg)
      throws SQLException {
    // The newest current key signs: after a rotation or revocation the next call picks the new one.
    KeyRow chosen = null;
    for (KeyRow k : keys.forOrganization(c, org.id())) {
      if (k.algorithm().equals(algorithm) && k.current() && k.privateFile() != null) chosen = k;
    }
    if (chosen == null) throw new IllegalStateException("no " + algorithm + " signing key for " + org.handle());
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
