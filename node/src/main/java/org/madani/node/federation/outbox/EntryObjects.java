package org.madani.node.federation.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madani.node.federation.ActivityStreams;
import org.madani.node.federation.EmittedContexts;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.Localized;
import org.madani.node.federation.wire.EntryObject;
import org.madani.node.federation.wire.Tombstone;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.model.Urls;
import org.madani.node.model.Visibility;
import org.madani.node.text.Html;

/**
 * Maps an entry to its ActivityStreams object. Events are {@code Event}, articles and reports
 * {@code Article}, the other kinds {@code Page} (types Mastodon and others display), each with
 * Madani's {@code kind}. Text fields become {@code name}/{@code summary}/{@code content} with their
 * {@code *Map} language maps, so Fediverse software without Madani's context still shows a readable
 * post; every other entry field is carried under its Madani term. Thread-safe.
 */
public final class EntryObjects {

  /** Entry fields mapped to AS2 properties; the rest travel under their own (Madani) names. */
  private static final Set<String> MAPPED =
      Set.of(
          "title",
          "summary",
          "content",
          "recipients",
          "place",
          "image",
          "visibility",
          "attachments");

  /** The object's own properties, which an entry field of the same name does not override. */
  private static final Set<String> HEAD =
      Set.of(
          "@context",
          "id",
          "type",
          "kind",
          "attributedTo",
          "name",
          "nameMap",
          "summary",
          "summaryMap",
          "content",
          "contentMap",
          "url",
          "published",
          "updated",
          "visibility",
          "to",
          "cc",
          "location",
          "image",
          "tag");

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
      case EVENT, TRAINING -> "Event";
      case ARTICLE, REPORT -> "Article";
      case PROJECT, CAMPAIGN, OFFER, NEED -> "Page";
    };
  }

  public ObjectNode object(Organization org, Entry e) {
    return json.valueToTree(record(org, e));
  }

  /**
   * The entry's object as an activity embeds it: without {@code @context} (the activity's covers
   * it), built without one rather than built with a copy of the context and stripped.
   */
  public ObjectNode embedded(Organization org, Entry e) {
    return json.valueToTree(record(org, e, null));
  }

  /** The entry as a typed wire object, unsigned. */
  public EntryObject record(Organization org, Entry e) {
    return record(org, e, EmittedContexts.object());
  }

  private EntryObject record(Organization org, Entry e, JsonNode context) {
    JsonNode d = e.document();
    String url = urls.entry(org.handle(), e.id());
    EntryObject.Place place = null;
    if (d.has("place")) {
      JsonNode p = d.path("place");
      place =
          new EntryObject.Place(
              "Place",
              Localized.plain(p.get("name")),
              Localized.map(p.get("name")),
              Localized.plain(p.get("address")),
              Localized.map(p.get("address")),
              p.get("region"),
              p.get("latitude"),
              p.get("longitude"));
    }
    EntryObject.Image image = null;
    if (d.has("image")) {
      JsonNode alt = d.path("image").get("alt");
      image =
          new EntryObject.Image(
              "Image",
              d.path("image").path("url").asText(),
              Localized.plain(alt),
              Localized.map(alt));
    }
    List<EntryObject.Hashtag> tags = new ArrayList<>();
    for (JsonNode t : d.path("tags"))
      tags.add(new EntryObject.Hashtag("#" + t.asText().replaceAll("\\s+", "_")));
    JsonNode content = readable(d, url);
    Audience audience = audience(org, e);
    Map<String, JsonNode> terms = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = d.properties().iterator(); it.hasNext(); ) {
      var kv = it.next();
      if (!MAPPED.contains(kv.getKey())
          && !HEAD.contains(kv.getKey())
          && !"tags".equals(kv.getKey())) {
        terms.put(kv.getKey(), kv.getValue().deepCopy());
      }
    }
    if (e.kind() == EntryKind.TRAINING) TrainingTerms.add(json, d, terms);
    if (d.path("attachments").size() > 0)
      terms.put("attachment", attachments(d.get("attachments")));
    return new EntryObject(
        context,
        url,
        asType(e.kind()),
        e.kind().wireName(),
        actors.actorId(org.handle()),
        Localized.plain(d.get("title")),
        Localized.map(d.get("title")),
        Localized.plain(d.get("summary")),
        Localized.map(d.get("summary")),
        Localized.plain(content),
        Localized.map(content),
        url,
        e.created(),
        e.updated(),
        e.visibility().wireName(),
        audience.to(),
        audience.cc(),
        place,
        image,
        tags,
        terms);
  }

  /**
   * What software that shows only {@code content} (Fedify-based servers, Misskey, Mastodon for
   * Notes) needs, per language: the body when the entry has one, otherwise its title and summary;
   * then the link back to the entry. Languages are those of the title, summary and body, so a
   * bilingual entry reads in both ({@code contentMap}).
   */
  private ObjectNode readable(JsonNode d, String url) {
    java.util.LinkedHashSet<String> langs = new java.util.LinkedHashSet<>();
    for (String f : java.util.List.of("title", "summary", "content"))
      d.path(f).fieldNames().forEachRemaining(langs::add);
    ObjectNode html = json.createObjectNode();
    for (String lang : langs) {
      StringBuilder b = new StringBuilder();
      String body = d.path("content").path(lang).asText("");
      if (!body.isBlank()) {
        b.append(Html.paragraphs(body));
      } else {
        String title = d.path("title").path(lang).asText("");
        String summary = d.path("summary").path(lang).asText("");
        if (!title.isBlank())
          b.append("<p><strong>").append(Html.esc(title)).append("</strong></p>");
        if (!summary.isBlank()) b.append("<p>").append(Html.esc(summary)).append("</p>");
      }
      b.append("<p><a href=\"")
          .append(Html.esc(url))
          .append("\">")
          .append(Html.esc(url))
          .append("</a></p>");
      html.put(lang, b.toString());
    }
    return html;
  }

  /**
   * Resources of a knowledge post as ActivityStreams attachments (as Mastodon and Mobilizon carry
   * media): {@code Image} or {@code Document} with url, mediaType, name and the SHA-256 digest of
   * the bytes ({@code digestMultibase}), so a receiver can check what it downloads.
   */
  private ArrayNode attachments(JsonNode list) {
    ArrayNode out = json.createArrayNode();
    for (JsonNode a : list) {
      String type = a.path("mediaType").asText("");
      ObjectNode o = out.addObject();
      o.put("type", type.startsWith("image/") ? "Image" : "Document");
      o.put("url", a.path("url").asText());
      o.put("mediaType", type);
      String name = Localized.plain(a.get("name"));
      if (name != null) o.put("name", name);
      JsonNode map = Localized.map(a.get("name"));
      if (map != null) o.set("nameMap", map);
      if (a.has("size")) o.put("size", a.get("size").asLong());
      o.put("digestMultibase", a.path("digestMultibase").asText());
    }
    return out;
  }

  /** A Tombstone standing in for a deleted entry. */
  public ObjectNode tombstone(Organization org, Entry e, Instant deleted) {
    return json.valueToTree(
        new Tombstone(urls.entry(org.handle(), e.id()), asType(e.kind()), deleted));
  }

  /**
   * Audience by visibility: public goes to as:Public with followers in cc; network to followers
   * only; private to the named recipients only.
   */
  public void address(ObjectNode o, Organization org, Entry e) {
    Audience a = audience(org, e);
    ArrayNode to = o.putArray("to");
    a.to().forEach(to::add);
    ArrayNode cc = o.putArray("cc");
    a.cc().forEach(cc::add);
  }

  /** Who an entry is addressed to ({@code to}) and copied to ({@code cc}). */
  public record Audience(List<String> to, List<String> cc) {}

  /** The audience of {@code e} by its visibility (see {@link #address}). */
  public Audience audience(Organization org, Entry e) {
    String followers = actors.followers(org.handle());
    if (e.visibility() == Visibility.PUBLIC)
      return new Audience(List.of(ActivityStreams.PUBLIC), List.of(followers));
    if (e.visibility() == Visibility.NETWORK) return new Audience(List.of(followers), List.of());
    List<String> to = new ArrayList<>();
    for (JsonNode r : e.document().path("recipients")) to.add(r.asText());
    return new Audience(to, List.of());
  }
}
