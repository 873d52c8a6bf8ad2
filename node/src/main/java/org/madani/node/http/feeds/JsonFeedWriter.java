package org.madani.node.http.feeds;

import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.madani.node.model.DirectoryEntry;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Items carry both {@code content_html} (one
 * {@code div} per language with {@code lang} and {@code dir}, every text escaped) and {@code
 * content_text}. Madani's own fields (kind, sectors, regions, the event's schedule) go in the
 * {@code _madani} extension object, as the spec allows. Thread-safe.
 */
public final class JsonFeedWriter {

  public static final String CONTENT_TYPE = "application/feed+json; charset=utf-8";
  public static final String VERSION = "https://jsonfeed.org/version/1.1";

  private final ObjectMapper json;

  public JsonFeedWriter(ObjectMapper json) {
    this.json = json;
  }

  public ObjectNode write(FeedDocument f) {
    ObjectNode o = json.createObjectNode();
    o.put("version", VERSION);
    o.put("title", FeedText.both(f.title()));
    o.put("home_page_url", f.htmlUrl());
    o.put("feed_url", f.selfUrl());
    o.put("language", FeedText.mainLanguage(f.title()));
    author(o.putArray("authors"), f.author(), f.authorUri());
    ArrayNode items = o.putArray("items");
    for (DirectoryEntry e : f.items()) items.add(item(e));
    return o;
  }

  private ObjectNode item(DirectoryEntry e) {
    ObjectNode i = json.createObjectNode();
    i.put("id", e.id());
    if (e.id().startsWith("http")) i.put("url", e.id());
    i.put("title", e.title().isEmpty() ? e.id() : FeedText.both(e.title()));
    var sections = FeedText.sections(e);
    StringBuilder html = new StringBuilder();
    for (FeedText.Section s : sections) {
      html.append("<div lang=\"")
          .append(esc(s.lang()))
          .append("\" dir=\"")
          .append(s.dir())
          .append("\">");
      for (String p : s.paragraphs()) html.append("<p>").append(esc(p)).append("</p>");
      if (s.linkUrl() != null) {
        html.append("<p><a rel=\"nofollow noopener noreferrer\" href=\"")
            .append(esc(s.linkUrl()))
            .append("\">")
            .append(esc(s.linkLabel()))
            .append("</a></p>");
      }
      html.append("</div>");
    }
    i.put("content_html", html.toString());
    i.put("content_text", FeedText.plain(sections));
    if (!e.summary().isEmpty()) i.put("summary", FeedText.both(e.summary()));
    // The version shown was published at its last change; JSON Feed has no other date to put it in.
    i.put("date_published", AtomWriter.time(e.updated()));
    i.put("date_modified", AtomWriter.time(e.updated()));
    i.put("language", FeedText.mainLanguage(e.title()));
    author(i.putArray("authors"), e.orgName(), e.orgId());
    ArrayNode tags = i.putArray("tags");
    e.keywords().forEach(tags::add);
    ObjectNode m = i.putObject("_madani");
    m.put("about", "https://madani.network/ns#");
    m.put("kind", e.kind());
    m.put("organization", e.orgId());
    m.set("title", json.valueToTree(e.title()));
    m.set("sectors", json.valueToTree(e.sectors()));
    m.set("regions", json.valueToTree(e.regions()));
    m.put("date", AtomWriter.time(e.date()));
    DirectoryEntry.Schedule s = e.schedule();
    if (s != null) {
      m.put("startTime", s.start().toString());
      if (s.end() != null) m.put("endTime", s.end().toString());
      if (s.timeZone() != null) m.put("timeZone", s.timeZone());
      if (s.onlineUrl() != null) m.put("onlineUrl", s.onlineUrl());
    }
    return i;
  }

  private static void author(ArrayNode authors, Map<String, String> name, String uri) {
    ObjectNode a = authors.addObject();
    a.put("name", name.isEmpty() ? uri : FeedText.both(name));
    if (uri != null && uri.startsWith("http")) a.put("url", uri);
  }
}
