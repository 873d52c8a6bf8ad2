package org.madani.node.http.feeds;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.Messages;
import org.madani.node.model.DirectoryEntry;

/**
 * Atom 1.0 (RFC 4287). Written with the JDK's XMLStreamWriter, which escapes every text and
 * attribute value; no markup is ever built from strings. Every feed has the required {@code
 * atom:id}, {@code atom:title}, {@code atom:updated} and a feed-level {@code atom:author} (so even
 * an empty feed is valid, §4.1.1); every entry has id, title, updated, its organization as author,
 * an alternate link and content (§4.1.2). Bodies are {@code type="xhtml"} with one {@code div} per
 * language carrying {@code xml:lang} and {@code dir}, so readers lay out Arabic right-to-left.
 * Thread-safe (stateless).
 */
public final class AtomWriter {

  public static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final String XHTML = "http://www.w3.org/1999/xhtml";
  static final String XML = "http://www.w3.org/XML/1998/namespace";

  /** Category schemes: Madani's terms, so readers can tell a kind from a sector. */
  static final String KIND_SCHEME = "https://madani.network/ns#kind";

  static final String SECTOR_SCHEME = "https://madani.network/taxonomies/sectors";
  static final String REGION_SCHEME = "https://madani.network/taxonomies/regions";

  private final XMLOutputFactory factory = XMLOutputFactory.newFactory();

  public String write(FeedDocument f) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = factory.createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(ATOM);
      w.writeAttribute("xml", XML, "lang", FeedText.mainLanguage(f.title()));
      text(w, "id", f.selfUrl());
      w.writeStartElement("title");
      w.writeAttribute("type", "text");
      w.writeCharacters(FeedText.both(f.title()));
      w.writeEndElement();
      text(w, "updated", time(f.updated()));
      author(w, f.author(), f.authorUri());
      link(w, "self", "application/atom+xml", f.selfUrl());
      link(w, "alternate", "text/html", f.htmlUrl());
      w.writeStartElement("generator");
      w.writeAttribute("uri", "https://madani.network");
      w.writeCharacters("Madani");
      w.writeEndElement();
      for (DirectoryEntry e : f.items()) entry(w, e);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing an Atom feed to memory failed", e);
    }
    return out.toString();
  }

  private void entry(XMLStreamWriter w, DirectoryEntry e) throws XMLStreamException {
    w.writeStartElement("entry");
    text(w, "id", e.id());
    w.writeStartElement("title");
    w.writeAttribute("type", "text");
    w.writeAttribute("xml", XML, "lang", FeedText.mainLanguage(e.title()));
    w.writeCharacters(e.title().isEmpty() ? e.id() : FeedText.both(e.title()));
    w.writeEndElement();
    text(w, "updated", time(e.updated()));
    author(w, e.orgName(), e.orgId());
    if (e.id().startsWith("http")) link(w, "alternate", "text/html", e.id());
    category(
        w,
        KIND_SCHEME,
        e.kind(),
        Messages.t(Lang.AR, "kind." + e.kind()) + " — " + Messages.t(Lang.EN, "kind." + e.kind()));
    for (String s : e.sectors()) category(w, SECTOR_SCHEME, s, null);
    for (String r : e.regions()) category(w, REGION_SCHEME, r, null);
    if (!e.summary().isEmpty()) {
      w.writeStartElement("summary");
      w.writeAttribute("type", "text");
      w.writeAttribute("xml", XML, "lang", FeedText.mainLanguage(e.summary()));
      w.writeCharacters(FeedText.both(e.summary()));
      w.writeEndElement();
    }
    w.writeStartElement("content");
    w.writeAttribute("type", "xhtml");
    w.writeStartElement("div");
    w.writeDefaultNamespace(XHTML);
    for (FeedText.Section s : FeedText.sections(e)) {
      w.writeStartElement("div");
      w.writeAttribute("xml", XML, "lang", s.lang());
      w.writeAttribute("dir", s.dir());
      for (String p : s.paragraphs()) {
        w.writeStartElement("p");
        w.writeCharacters(p);
        w.writeEndElement();
      }
      if (s.linkUrl() != null) {
        w.writeStartElement("p");
        w.writeStartElement("a");
        w.writeAttribute("href", s.linkUrl());
        w.writeAttribute("rel", "nofollow noopener noreferrer");
        w.writeCharacters(s.linkLabel());
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndElement();
    w.writeEndElement();
  }

  private static void author(XMLStreamWriter w, Map<String, String> name, String uri)
      throws XMLStreamException {
    w.writeStartElement("author");
    text(w, "name", name.isEmpty() ? uri : FeedText.both(name));
    if (uri != null && uri.startsWith("http")) text(w, "uri", uri);
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String type, String href)
      throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", href);
  }

  private static void category(XMLStreamWriter w, String scheme, String term, String label)
      throws XMLStreamException {
    w.writeEmptyElement("category");
    w.writeAttribute("scheme", scheme);
    w.writeAttribute("term", term);
    if (label != null) w.writeAttribute("label", label);
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** RFC 3339 in UTC, whole seconds (§3.3 date constructs). */
  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
