package org.madani.node.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.Localized;
import org.madani.node.federation.wire.Tombstone;
import org.madani.node.text.Html;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;

/**
 * Maps an entry to its ActivityStreams object. Events are {@code Event}, articles and reports
 * {@code Article}, the other kinds {@code Page} (types Mastodon and others display), each with
 * Madani's {@code kind}. Text fields become {@code name}/{@code summary}/{@code content} with
 * their {@code *Map} language maps, so Fediverse software without Madani's context still shows a
 * readable post; every other entry field is carried under its Madani term. Thread-safe.
 */
public final class EntryObjects {

  /** Entry fields mapped to AS2 properties; the rest travel under their own (Madani) names. */
  private static final Set<String> MAPPED = Set.of("title", "summary", "content", "recipients",
      "place", "image", "visibility");

  private final ObjectMapper json;
  private final Urls urls;
  private final LocalActors actors;

  public EntryObjects(ObjectMapper json, Urls urls, LocalActors actors) {
    this.json = json;
    this.urls = urls;
    this.actors = actors;
  }

  public static String asType(EntryKind kind) {
    return switch (kind) {
      case EVENT -> "Event";
      case ARTICLE, REPORT -> "Article";
      case PROJECT, CAMPAIGN, OFFER, NEED -> "Page";
    };
  }

  public ObjectNode object(Organization org, Entry e) {
    String actor = actors.actorId(org.handle());
    JsonNode d = e.document();
    ObjectNode o = json.createObjectNode();
    o.set("@context", EmittedContexts.object());
    o.put("id", urls.entry(org.handle(), e.id()));
    o.put("type", asType(e.kind()));
    o.put("kind", e.kind().wireName());
    o.put("attributedTo", actor);
    Localized.put(o, "name", d.get("title"));
    Localized.put(o, "summary", d.get("summary"));
    Localized.put(o, "content", readable(d, urls.entry(org.handle(), e.id())));
    o.put("url", urls.entry(org.handle(), e.id()));
    o.put("published", e.created().toString());
    o.put("updated", e.updated().toString());
    o.put("visibility", e.visibility().wireName());
    address(o, org, e);
    if (d.has("place")) {
      ObjectNode place = o.putObject("location");
      place.put("type", "Place");
      Localized.put(place, "name", d.path("place").get("name"));
      Localized.put(place, "address", d.path("place").get("address"));
      if (d.path("place").has("region")) place.set("region", d.path("place").get("region"));
      if (d.path("place").has("latitude")) place.set("latitude", d.path("place").get("latitude"));
      if (d.path("place").has("longitude")) place.set("longitude", d.path("place").get("longitude"));
    }
    if (d.has("image")) {
      ObjectNode img = o.putObject("image");
      img.put("type", "Image").put("url", d.path("image").path("url").asText());
      Localized.put(img, "name", d.path("image").get("alt"));
    }
    ArrayNode tags = json.createArrayNode();
    for (JsonNode t : d.path("tags")) {
      tags.addObject().put("type", "Hashtag").put("name", "#" + t.asText().replaceAll("\\s+", "_"));
    }
    if (!tags.isEmpty()) o.set("tag", tags);
    for (Iterator<Map.Entry<String, JsonNode>> it = d.properties().iterator(); it.hasNext();) {
      var kv = it.next();
      if (!MAPPED.contains(kv.getKey()) && !o.has(kv.getKey()) && !"tags".equals(kv.getKey())) {
        o.set(kv.getKey(), kv.getValue().deepCopy());
      }
    }
    return o;
  }

  /**
   * What software that shows only {@code content} (Fedify-based servers, Misskey, Mastodon for
   * Notes) needs, per language: the body when the entry has one, otherwise its title and summary;
   * then the link back to the entry. Languages are those of the title, summary and body, so a
   * bilingual entry reads in both ({@code contentMap}).
   */
  private ObjectNode readable(JsonNode d, String url) {
    java.util.LinkedHashSet<String> langs = new java.util.LinkedHashSet<>();
    for (String f : java.util.List.of("title", "summary", "content")) d.path(f).fieldNames().forEachRemaining(langs::add);
    ObjectNode html = json.createObjectNode();
    for (String lang : langs) {
      StringBuilder b = new StringBuilder();
      String body = d.path("content").path(lang).asText("");
      if (!body.isBlank()) {
        b.append(Html.paragraphs(body));
      } else {
        String title = d.path("title").path(lang).asText("");
        String summary = d.path("summary").path(lang).asText("");
        if (!title.isBlank()) b.append("<p><strong>").append(Html.esc(title)).append("</strong></p>");
        if (!summary.isBlank()) b.append("<p>").append(Html.esc(summary)).append("</p>");
      }
      b.append("<p><a href=\"").append(Html.esc(url)).append("\">").append(Html.esc(url)).append("</a></p>");
      html.put(lang, b.toString());
    }
    return html;
  }

  /** A Tombstone standing in for a deleted entry. */
  public ObjectNode tombstone(Organization org, Entry e, Instant deleted) {
    return json.valueToTree(new Tombstone(urls.entry(org.handle(), e.id()), asType(e.kind()), deleted));
  }

  /**
   * Audience by visibility: public goes to as:Public with followers in cc; network to followers
   * only; private to the named recipients only.
   */
  public void address(ObjectNode o, Organization org, Entry e) {
    ArrayNode to = o.putArray("to");
    ArrayNode cc = o.putArray("cc");
    String followers = actors.followers(org.handle());
    if (e.visibility() == Visibility.PUBLIC) {
      to.add(ActivityStreams.PUBLIC);
      cc.add(followers);
    } else if (e.visibility() == Visibility.NETWORK) {
      to.add(followers);
    } else {
      for (JsonNode r : e.document().path("recipients")) to.add(r.asText());
    }
  }
}
