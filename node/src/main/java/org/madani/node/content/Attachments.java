package org.madani.node.content;

import java.util.Optional;
import org.madani.node.model.Attachment;

/**
 * Which resources an organization may attach to its entries: only its own, stored on this node (the
 * composition root passes the resource store). The node, not the client, says what each one is.
 */
@FunctionalInterface
public interface Attachments {

  /** None: every attachment is refused (nodes and tools without a resource store). */
  Attachments NONE = (handle, url) -> Optional.empty();

  /** {@code handle}'s own resource at {@code url}; empty for anything else. */
  Optional<Attachment> own(String handle, String url);
}
