package org.madani.node.http.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.madani.node.model.DirectoryEntry;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

public class FeedWritersTest {

  static final String ATOM = "http://www.w3.org/2005/Atom";
  static final Instant UPDATED = Instant.parse("2026-11-20T08:30:00Z");

  /** An event at 19:00 in Damascus (+03:00 since 2022): 16:00 UTC. */
  static DirectoryEntry event() {
    return new DirectoryEntry(
        "https://a.example/orgs/sawa/entries/e1",
        "event",
        "public",
        Map.of("ar", "أمسية <شعر> & موسيقى", "en", "Poetry & music evening"),
        Map.of("ar", "في حلب القديمة", "en", "In the old city"),
        Map.of("ar", "فقرة أولى\n\nفقرة ثانية"),
        List.of("شعر"),
        "https://a.example/orgs/sawa",
        Map.of("ar", "سوا", "en", "Sawa"),
        List.of("culture"),
        List.of("sy-aleppo"),
        List.of("ar"),
        Instant.parse("2027-03-01T16:00:00Z"),
        UPDATED,
        Set.of(),
        true,
        new DirectoryEntry.Provenance("https://a.example/orgs/sawa", "local", null, UPDATED),
        new DirectoryEntry.Schedule(
            Instant.parse("2027-03-01T16:00:00Z"),
            Instant.parse("2027-03-01T18:30:00Z"),
            "Asia/Damascus",
            Map.of("ar", "المركز الثقافي، حلب", "en", "Cultural centre, Aleppo"),
            null));
  }

  static DirectoryEntry article() {
    return new DirectoryEntry(
        "https://b.example/orgs/nour/entries/a1",
        "article",
        "public",
        Map.of("en", "Organizing community meetings"),
        Map.of(),
        Map.of("en", "Text"),
        List.of(),
        "https://b.example/orgs/nour",
        Map.of("en", "Nour"),
        List.of(),
        List.of(),
        List.of("en"),
        UPDATED,
        UPDATED,
        Set.of(),
        false,
        new DirectoryEntry.Provenance(
            "https://b.example/orgs/nour", "eddsa-jcs-2022 from origin", null, UPDATED));
  }

  static FeedDocument feed(List<DirectoryEntry> items) {
    return new FeedDocument(
        "https://a.example/feeds/directory.atom?kind=event",
        "https://a.example/directory?kind=event",
        Map.of("ar", "مدني", "en", "Madani"),
        Map.of("ar", "مدني", "en", "Madani"),
        "https://a.example",
        UPDATED,
        items);
  }

  @Test
  void atomHasRfc4287RequiredElements_escapesText_andMarksDirection() throws Exception {
    String xml = new AtomWriter().write(feed(List.of(event(), article())));
    Document d = parse(xml);
    Element feed = d.getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    // §4.1.1: exactly one id, title, updated; an author (here at feed level too); self link.
    for (String name : List.of("id", "title", "updated"))
      assertThat(children(feed, name)).as(name).hasSize(1);
    assertThat(children(feed, "author")).hasSize(1);
    assertThat(children(feed, "link"))
        .anySatisfy(l -> assertThat(l.getAttribute("rel")).isEqualTo("self"));
    assertThat(Instant.parse(text(feed, "updated"))).isEqualTo(UPDATED);
    List<Element> entries = children(feed, "entry");
    assertThat(entries).hasSize(2);
    for (Element e : entries) {
      // §4.1.2: id, title, updated exactly once; author (no feed-level fallback needed); content or
      // alternate link.
      for (String name : List.of("id", "title", "updated"))
        assertThat(children(e, name)).as(name).hasSize(1);
      assertThat(children(e, "author")).hasSize(1);
      assertThat(children(children(e, "author").get(0), "name")).hasSize(1);
      assertThat(children(e, "content")).hasSize(1);
      assertThat(children(e, "link"))
          .anySatisfy(l -> assertThat(l.getAttribute("rel")).isEqualTo("alternate"));
      Instant.parse(text(e, "updated"));
    }
    Element first = entries.get(0);
    // Escaped by the writer, read back intact (Arabic and markup characters).
    assertThat(text(first, "title")).isEqualTo("أمسية <شعر> & موسيقى — Poetry & music evening");
    assertThat(xml).contains("&lt;شعر&gt; &amp;").doesNotContain("<شعر>");
    assertThat(
            children(first, "title")
                .get(0)
                .getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
        .isEqualTo("ar");
    Element content = children(first, "content").get(0);
    assertThat(content.getAttribute("type")).isEqualTo("xhtml");
    Element div =
        (Element) content.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "div").item(1);
    assertThat(div.getAttribute("dir")).isEqualTo("rtl");
    assertThat(div.getTextContent()).contains("فقرة ثانية").contains("(Asia/Damascus)");
  }

  @Test
  void emptyAtomFeedIsStillValid() throws Exception {
    Element feed = parse(new AtomWriter().write(feed(List.of()))).getDocumentElement();
    assertThat(children(feed, "author")).hasSize(1);
    assertThat(children(feed, "entry")).isEmpty();
  }

  @Test
  void jsonFeedHasVersionTitleAndItemFields() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode f =
        m.readTree(
            m.writeValueAsString(new JsonFeedWriter(m).write(feed(List.of(event(), article())))));
    assertThat(f.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
    assertThat(f.get("title").asText()).isEqualTo("مدني — Madani");
    assertThat(f.get("feed_url").asText()).startsWith("https://a.example/feeds/");
    JsonNode item = f.at("/items/0");
    assertThat(item.get("id").asText()).isEqualTo(event().id());
    assertThat(item.get("url").asText()).isEqualTo(event().id());
    assertThat(item.get("language").asText()).isEqualTo("ar");
    assertThat(Instant.parse(item.get("date_published").asText())).isEqualTo(UPDATED);
    assertThat(item.get("content_text").asText())
        .contains("في حلب القديمة")
        .contains("In the old city");
    assertThat(item.get("content_html").asText())
        .contains("<div lang=\"ar\" dir=\"rtl\">")
        .contains("فقرة ثانية");
    assertThat(item.at("/_madani/timeZone").asText()).isEqualTo("Asia/Damascus");
    assertThat(item.at("/authors/0/name").asText()).isEqualTo("سوا — Sawa");
    assertThat(f.at("/items/1/content_html").asText()).contains("dir=\"ltr\"");
  }

  @Test
  void calendarParsesBack_withTheEventsZone_andTheRightInstant() throws Exception {
    String ics = new CalendarWriter().write(feed(List.of(event(), article())), UPDATED);
    assertThat(ics)
        .contains("DTSTART;TZID=Asia/Damascus:20270301T190000")
        .contains("DTEND;TZID=Asia/Damascus:20270301T213000");
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    assertThat(cal.getComponents("VTIMEZONE")).hasSize(1);
    List<VEvent> events = new ArrayList<>();
    cal.getComponents("VEVENT").forEach(c -> events.add((VEvent) c));
    assertThat(events).hasSize(1); // the article has no schedule
    VEvent e = events.get(0);
    assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(event().id());
    Temporal start = e.getDateTimeStart().getDate();
    assertThat(e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue())
        .isEqualTo("Asia/Damascus");
    assertThat(Instant.from(start)).isEqualTo(Instant.parse("2027-03-01T16:00:00Z"));
    assertThat(((ZonedDateTime) start).getHour()).isEqualTo(19);
    assertThat(Instant.from(e.getDateTimeEnd().getDate()))
        .isEqualTo(Instant.parse("2027-03-01T18:30:00Z"));
    assertThat(e.getSummary().getValue())
        .isEqualTo("أمسية <شعر> & موسيقى — Poetry & music evening");
    assertThat(e.getLocation().getValue())
        .isEqualTo("المركز الثقافي، حلب — Cultural centre, Aleppo");
    assertThat(e.getProperty("DTSTAMP")).isPresent();
  }

  @Test
  void calendarFollowsSummerTime_inZonesThatHaveIt() throws Exception {
    DirectoryEntry base = event();
    DirectoryEntry berlin =
        new DirectoryEntry(
            base.id(),
            base.kind(),
            base.audience(),
            base.title(),
            base.summary(),
            base.content(),
            base.keywords(),
            base.orgId(),
            base.orgName(),
            base.sectors(),
            base.regions(),
            base.languages(),
            base.date(),
            base.updated(),
            base.viewers(),
            base.local(),
            base.provenance(),
            new DirectoryEntry.Schedule(
                Instant.parse("2027-07-01T16:00:00Z"), null, "Europe/Berlin", Map.of(), null));
    String ics = new CalendarWriter().write(feed(List.of(berlin)), UPDATED);
    assertThat(ics)
        .contains("DTSTART;TZID=Europe/Berlin:20270701T180000")
        .contains("BEGIN:DAYLIGHT");
    VEvent e =
        (VEvent)
            new CalendarBuilder().build(new StringReader(ics)).getComponent("VEVENT").orElseThrow();
    assertThat(Instant.from(e.getDateTimeStart().getDate()))
        .isEqualTo(Instant.parse("2027-07-01T16:00:00Z"));
    assertThat(
            ZonedDateTime.ofInstant(
                    Instant.parse("2027-07-01T16:00:00Z"), ZoneId.of("Europe/Berlin"))
                .getHour())
        .isEqualTo(18);
  }

  public static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  public static List<Element> children(Element parent, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ATOM.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) out.add(e);
    }
    return out;
  }

  public static String text(Element parent, String localName) {
    return children(parent, localName).get(0).getTextContent();
  }
}
