package org.madani.node.model;

import java.util.Objects;

/**
 * A resource (document or image) stored on this node, as an entry's attachment describes it: its
 * URL, media type, size in bytes and SHA-256 digest as a multibase multihash ({@code z…}).
 */
public record Attachment(String url, String mediaType, long size, String digestMultibase) {
  public Attachment {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digestMultibase, "digestMultibase");
    if (size < 0) throw new IllegalArgumentException("size < 0");
  }

  /** The ActivityStreams type of the attachment: {@code Image} or {@code Document}. */
  public String asType() {
    return mediaType.startsWith("image/") ? "Image" : "Document";
  }
}
