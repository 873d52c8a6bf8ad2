package org.madani.node.federation.wire;

import java.util.List;

/** The logs a node mirrors for others (mirror-index.schema.json, sync.md). */
public record MirrorIndex(List<Mirror> mirrors) {

  public MirrorIndex {
    mirrors = List.copyOf(mirrors);
  }

  /** One mirrored actor: the last sequence number held and where its pages are. */
  public record Mirror(String actor, long latestSequence, String log) {}
}
