package org.madani.node.federation.actor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.net.URI;

/**
 * Fetches a remote JSON document through the node's guarded fetcher (address checks, size, depth
 * and time limits). {@code finalUrl} is where the document was actually found after redirects:
 * origin checks use it, never the URL first asked for.
 */
@FunctionalInterface
public interface DocumentFetcher {

  record Fetched(URI finalUrl, ObjectNode document) {}

  Future<Fetched> fetch(URI url);
}
