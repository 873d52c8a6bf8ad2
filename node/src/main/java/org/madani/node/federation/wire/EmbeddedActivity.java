package org.madani.node.federation.wire;

/**
 * An earlier activity as an {@code Undo}, {@code Accept} or {@code Reject} embeds it: its id, type,
 * actor and object only. Not signed by the embedding node when it is someone else's (a follower's
 * {@code Follow} inside an {@code Accept}): a proof asserts authorship (federation.md §5).
 */
public record EmbeddedActivity(String id, String type, String actor, String object) {}
