package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.URI;

/**
 * Fetches a remote JSON document through the node's guarded fetcher (address checks, size, depth
 * and time limits). {@code finalUrl} is where the document was actually found after redirects:
 * origin checks use it, never the URL first asked for.
 */
@FunctionalInterface
public interface DocumentFetcher {

  /**
   * @param body the body as received, which {@code document} was parsed from (null when not kept)
   */
  record Fetched(URI finalUrl, ObjectNode document, Buffer body) {
    public Fetched(URI finalUrl, ObjectNode document) {
      this(finalUrl, document, null);
    }
  }

  Future<Fetched> fetch(URI url);
}
