package org.madani.node.federation.wire;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An organization's ActivityPub actor (protocol-spec/schemas/actor.schema.json, federation.md §2).
 * {@code publicKey} is written as one object when there is one key and as an array otherwise
 * (Mastodon reads only the first, so the RSA key comes first); the recovery keys and revocation
 * statements only when there are any. A moved organization (protocol-spec/move.md): the new actor
 * names the old one in {@code alsoKnownAs}, the old one names the new in {@code movedTo}.
 *
 * @param name the plain name software without language maps shows (Arabic first); {@code nameMap}
 *     has every language
 * @param profile the public profile terms copied from the organization's profile as they are
 */
@JsonInclude(Include.NON_NULL)
public record ActorDocument(
    @JsonProperty("@context") JsonNode context,
    String id,
    String type,
    String preferredUsername,
    String name,
    JsonNode nameMap,
    String summary,
    JsonNode summaryMap,
    String url,
    String inbox,
    String outbox,
    String followers,
    String following,
    Endpoints endpoints,
    boolean manuallyApprovesFollowers,
    boolean discoverable,
    @JsonUnwrapped ProfileTerms profile,
    List<Multikey> assertionMethod,
    @JsonFormat(with = JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED)
        @JsonInclude(Include.NON_EMPTY)
        List<CryptographicKey> publicKey,
    @JsonInclude(Include.NON_EMPTY) List<Multikey> recoveryKey,
    @JsonInclude(Include.NON_EMPTY) List<JsonNode> keyRevocations,
    @JsonInclude(Include.NON_EMPTY) List<String> alsoKnownAs,
    String movedTo) {

  /** The actor's type: Madani actors are organizations. */
  public static final String TYPE = "Organization";

  public ActorDocument {
    assertionMethod = List.copyOf(assertionMethod);
    publicKey = List.copyOf(publicKey);
    recoveryKey = List.copyOf(recoveryKey);
    keyRevocations = List.copyOf(keyRevocations);
    alsoKnownAs = alsoKnownAs == null ? List.of() : List.copyOf(alsoKnownAs);
  }

  /**
   * The same document without {@code @context}, as it is embedded in an activity (whose context
   * covers it).
   */
  public ActorDocument withoutContext() {
    return new ActorDocument(
        null,
        id,
        type,
        preferredUsername,
        name,
        nameMap,
        summary,
        summaryMap,
        url,
        inbox,
        outbox,
        followers,
        following,
        endpoints,
        manuallyApprovesFollowers,
        discoverable,
        profile,
        assertionMethod,
        publicKey,
        recoveryKey,
        keyRevocations,
        alsoKnownAs,
        movedTo);
  }

  /** The shared inbox. */
  public record Endpoints(String sharedInbox) {}

  /** Public profile terms (Madani's context), each absent unless the profile has it. */
  @JsonInclude(Include.NON_NULL)
  public record ProfileTerms(
      JsonNode sectors,
      JsonNode regions,
      JsonNode foundingYear,
      JsonNode legalForm,
      JsonNode mission,
      JsonNode links) {

    /** The terms of {@code profile}, a stored profile document. */
    public static ProfileTerms of(JsonNode profile) {
      return new ProfileTerms(
          profile.get("sectors"),
          profile.get("regions"),
          profile.get("foundingYear"),
          profile.get("legalForm"),
          profile.get("mission"),
          profile.get("links"));
    }
  }
}
