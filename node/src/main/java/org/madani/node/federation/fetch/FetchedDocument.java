package org.madani.node.federation.fetch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.util.Objects;

/**
 * A JSON object fetched from a peer.
 *
 * @param requestedUrl the URL the caller asked for
 * @param finalUrl the URL that answered after redirects; origin checks (does the document's {@code
 *     id} belong to the server that served it?) must use this one
 * @param contentType the response's {@code Content-Type} as sent
 * @param document the parsed body; owned by the caller
 * @param body the body as received, which {@code document} was parsed from
 */
public record FetchedDocument(
    URI requestedUrl, URI finalUrl, String contentType, ObjectNode document, Buffer body) {

  public FetchedDocument {
    Objects.requireNonNull(requestedUrl, "requestedUrl");
    Objects.requireNonNull(finalUrl, "finalUrl");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(body, "body");
  }

  public boolean redirected() {
    return !requestedUrl.equals(finalUrl);
  }
}
