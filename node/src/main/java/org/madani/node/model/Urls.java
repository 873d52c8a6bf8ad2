package org.madani.node.model;

import java.net.URI;
import java.util.Objects;

/**
 * The public URLs of this node's things. Each organization's actor id is also its HTML page, and
 * each entry's object id is also its page: content negotiation picks the representation.
 */
public record Urls(URI base) {
  public Urls {
    Objects.requireNonNull(base, "base");
  }

  public String root() {
    return base.toString();
  }

  public String organization(String handle) {
    return base + "/orgs/" + handle;
  }

  public String entry(String handle, String entryId) {
    return organization(handle) + "/entries/" + entryId;
  }

  public String apiEntry(String handle, String entryId) {
    return base + "/api/v1/organizations/" + handle + "/entries/" + entryId;
  }
}
