package org.madani.node.federation.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.madani.node.model.Entry;

/**
 * An entry as served to a peer: its signed object document, with the entry and its organization
 * kept to decide who may read it.
 *
 * @param orgId the publishing organization
 * @param entry the entry the document shows
 * @param document the object with its proof, dated by the entry's last change
 */
public record ServedObject(long orgId, Entry entry, ObjectNode document) {
  public ServedObject {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(document, "document");
  }
}
