package org.madani.node.spaces;

import java.util.Map;

/**
 * What a node checks before it keeps a received post (spaces.md §6), without I/O: the sender is the
 * author (no re-attribution), the author is a member, and the author's Ed25519 signature over the
 * space, epoch, author, post id, nonce and ciphertext holds (no tampering, no replay under another
 * space, epoch or id). A replay of the same post id is dropped by the store.
 */
public final class PostCheck {

  /** Accepted, or refused with a reason safe to log. */
  public sealed interface Verdict permits Accepted, Refused {}

  public record Accepted() implements Verdict {}

  public record Refused(String reason) implements Verdict {}

  private PostCheck() {}

  /**
   * @param sender the verified actor of the delivering activity
   * @param member whether the author is a member of the space in this node's view
   * @param authorKeys the author's pinned Ed25519 signing keys, raw 32 bytes, by key id
   */
  public static Verdict check(
      SpaceEnvelope e, String sender, boolean member, Map<String, byte[]> authorKeys) {
    if (!e.author().equals(sender)) return new Refused("the sender is not the post's author");
    if (!e.postId().startsWith(e.author() + "/"))
      return new Refused("the post id is not under its author");
    if (!member) return new Refused("the author is not a member of the space");
    byte[] key = authorKeys.get(e.signatureKey());
    if (key == null) return new Refused("the signing key is not one of the author's keys");
    if (!SpaceCrypto.verify(key, e.context(), e.sealed(), e.signature())) {
      return new Refused(
          "the author's signature does not hold for this space, epoch, id and ciphertext");
    }
    return new Accepted();
  }
}
