package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Entry;
import org.madani.node.model.Organization;
import org.madani.node.model.Page;
import org.madani.node.model.Urls;

/**
 * The admin API's documents for organizations and entries: each with its id, version, dates and
 * public URL beside the stored document, and pages of entries with a link to the next page.
 */
final class ApiDocuments {

  private final JsonCodec json;
  private final Urls urls;

  ApiDocuments(JsonCodec json, Urls urls) {
    this.json = json;
    this.urls = urls;
  }

  /** A page of entries; {@code query} is the request's query string, for the next page's link. */
  ObjectNode page(String query, String handle, Page<Entry> page) {
    ObjectNode out = json.mapper().createObjectNode();
    ArrayNode items = out.putArray("items");
    page.items().forEach(e -> items.add(entry(handle, e)));
    out.put("page", page.page());
    out.put("pageSize", page.pageSize());
    out.put("total", page.total());
    if (page.hasNext()) {
      query = query == null ? "" : query.replaceAll("(^|&)page=[^&]*", "");
      out.put(
          "next",
          "?"
              + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&")
              + "page="
              + (page.page() + 1));
    }
    return out;
  }

  ObjectNode entry(String handle, Entry e) {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("id", e.id());
    out.setAll(e.document());
    out.put("version", e.version());
    out.put("created", e.created().toString());
    out.put("updated", e.updated().toString());
    out.put("url", urls.entry(handle, e.id()));
    out.put("attributedTo", urls.organization(handle));
    return out;
  }

  ObjectNode profile(Organization o) {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("handle", o.handle());
    out.setAll(o.profile());
    out.put("version", o.version());
    out.put("updated", o.updated().toString());
    out.put("url", urls.organization(o.handle()));
    return out;
  }
}
