package org.madani.node.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.madani.node.model.DirectoryEntry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Urls;
import org.madani.node.store.DirectoryRepository.NameRow;
import org.madani.node.store.DirectoryRepository.OwnRow;
import org.madani.node.store.DirectoryRepository.RemoteRow;

/**
 * Converts stored rows into {@link DirectoryEntry} records: the one place that knows both the entry
 * document (own entries) and the ActivityStreams object (received ones, as built by
 * federation/outbox/EntryObjects at their origin). Returns empty for what must not be in the
 * directory: deleted, private, network objects addressed to none of our organizations, objects
 * without a Madani kind. Thread-safe.
 */
public final class DirectoryEntries {

  private final ObjectMapper json;
  private final Urls urls;

  /**
   * Authors' names by actor document: a burst brings many objects from few authors, and each
   * author's document (keys included, a few KB) would otherwise be parsed once per object.
   */
  private final Cache<String, Map<String, String>> actorNames =
      Caffeine.newBuilder().maximumSize(1_000).build();

  public DirectoryEntries(ObjectMapper json, Urls urls) {
    this.json = json;
    this.urls = urls;
  }

  /** The directory id an own entry has (its public URL), for deleting it from the index. */
  public String ownId(OwnRow r) {
    return urls.entry(r.handle(), r.id());
  }

  public Optional<DirectoryEntry> own(OwnRow r) {
    if (r.deletedAt() != null) return Optional.empty();
    if (!DirectoryEntry.PUBLIC.equals(r.visibility())
        && !DirectoryEntry.NETWORK.equals(r.visibility())) {
      return Optional.empty();
    }
    JsonNode d = read(r.document());
    String org = urls.organization(r.handle());
    Map<String, String> title = map(d.get("title"));
    Map<String, String> summary = map(d.get("summary"));
    Map<String, String> content = map(d.get("content"));
    List<String> keywords = strings(d.get("tags"));
    keywords.addAll(map(d.path("place").get("name")).values());
    List<String> regions = strings(d.get("regions"));
    if (d.path("place").hasNonNull("region")) regions.add(d.path("place").get("region").asText());
    Instant date = firstDate(d, r.startTime(), r.created());
    boolean network = DirectoryEntry.NETWORK.equals(r.visibility());
    return Optional.of(
        new DirectoryEntry(
            ownId(r),
            r.kind(),
            r.visibility(),
            title,
            summary,
            content,
            keywords,
            org,
            map(read(r.profile()).get("name")),
            strings(d.get("sectors")),
            distinct(regions),
            languages(d, title, summary, content),
            date,
            r.updated(),
            network ? Set.of(r.orgId()) : Set.of(),
            true,
            new DirectoryEntry.Provenance(org, "local", null, r.updated()),
            schedule(
                r.startTime(),
                d,
                map(d.path("place").get("name")),
                map(d.path("place").get("address")))));
  }

  public Optional<DirectoryEntry> remote(RemoteRow r) {
    if (r.deletedAt() != null) return Optional.empty();
    boolean network = DirectoryEntry.NETWORK.equals(r.audience());
    if (!DirectoryEntry.PUBLIC.equals(r.audience()) && !network) return Optional.empty();
    if (network && r.recipients().isEmpty()) return Optional.empty();
    JsonNode o = read(r.document());
    Optional<String> kind = kind(o);
    if (kind.isEmpty()) return Optional.empty();
    Map<String, String> title = new LinkedHashMap<>(langMap(o, "name"));
    Map<String, String> summary = langMap(o, "summary");
    Map<String, String> content = new LinkedHashMap<>();
    langMap(o, "content").forEach((k, v) -> content.put(k, plainText(v)));
    if (title.isEmpty() && DirectoryEntry.POST.equals(kind.get())) {
      // A post has no name: its first words stand for it in lists and feeds.
      content.forEach(
          (k, v) -> title.put(k, v.length() > 80 ? v.substring(0, 79).strip() + "…" : v));
    }
    List<String> keywords = new ArrayList<>();
    for (JsonNode t : o.path("tag")) {
      String n = t.path("name").asText("");
      if (!n.isEmpty()) keywords.add(n.replaceFirst("^#", "").replace('_', ' '));
    }
    keywords.addAll(langMap(o.path("location"), "name").values());
    List<String> regions = strings(o.get("regions"));
    if (o.path("location").hasNonNull("region"))
      regions.add(o.path("location").get("region").asText());
    Instant published = instant(o.get("published"));
    Instant date =
        firstDate(o, instant(o.get("startTime")), published == null ? r.received() : published);
    Instant updated = Optional.ofNullable(instant(o.get("updated"))).orElse(r.updated());
    Map<String, String> orgName =
        r.actorDocument() == null ? Map.of() : actorNames.get(r.actorDocument(), this::actorName);
    return Optional.of(
        new DirectoryEntry(
            r.id(),
            kind.get(),
            r.audience(),
            title,
            summary,
            content,
            keywords,
            r.actor(),
            orgName,
            strings(o.get("sectors")),
            distinct(regions),
            languages(o, title, summary, content),
            date,
            updated,
            network ? r.recipients() : Set.of(),
            false,
            new DirectoryEntry.Provenance(r.actor(), r.verifiedBy(), r.via(), r.updated()),
            schedule(
                instant(o.get("startTime")),
                o,
                langMap(o.path("location"), "name"),
                address(o.path("location")))));
  }

  /** The organization name in an actor document: its name map, else its preferred username. */
  private Map<String, String> actorName(String actorDocument) {
    JsonNode actor = read(actorDocument);
    Map<String, String> name = langMap(actor, "name");
    if (name.isEmpty() && actor.hasNonNull("preferredUsername")) {
      name = Map.of("en", actor.get("preferredUsername").asText());
    }
    return Map.copyOf(name);
  }

  /**
   * A place's address: a language map or plain string (Madani, Gancio), or a schema.org {@code
   * PostalAddress} object (Mobilizon), whose parts are joined in postal order.
   */
  private static Map<String, String> address(JsonNode location) {
    JsonNode a = location.get("address");
    if (a == null || !a.isObject() || a.has("ar") || a.has("en") || !a.has("type"))
      return langMap(location, "address");
    List<String> parts = new ArrayList<>();
    String locality =
        String.join(
            " ",
            java.util.stream.Stream.of("postalCode", "addressLocality")
                .map(f -> a.path(f).asText("").strip())
                .filter(v -> !v.isEmpty())
                .toList());
    for (String v :
        List.of(
            a.path("streetAddress").asText("").strip(),
            locality,
            a.path("addressRegion").asText("").strip(),
            a.path("addressCountry").asText("").strip())) {
      if (!v.isEmpty()) parts.add(v);
    }
    if (parts.isEmpty()) return Map.of();
    String joined = String.join(", ", parts);
    boolean arabic =
        joined
            .codePoints()
            .anyMatch(cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.ARABIC);
    return Map.of(arabic ? "ar" : "en", joined);
  }

  /** An organization's actor id and name, from a hosted profile or a remote actor document. */
  public Map.Entry<String, Map<String, String>> organizationName(NameRow r) {
    JsonNode d = read(r.document());
    return r.handle() != null
        ? Map.entry(urls.organization(r.handle()), map(d.get("name")))
        : Map.entry(r.id(), langMap(d, "name"));
  }

  private static Optional<String> kind(JsonNode o) {
    Optional<EntryKind> k = EntryKind.fromWire(o.path("kind").asText(null));
    if (k.isPresent()) return Optional.of(k.get().wireName());
    // Fediverse software without Madani's context: the AS type is all there is.
    return switch (o.path("type").asText("")) {
      case "Event" -> Optional.of("event");
      case "Article" -> Optional.of("article");
      case "Note" -> Optional.of(DirectoryEntry.POST);
      case "Question" -> Optional.of(DirectoryEntry.QUESTION);
      default -> Optional.empty();
    };
  }

  /**
   * The event's schedule, when it has a start time: own entry documents and ActivityStreams objects
   * name these fields alike (startTime, endTime, timeZone, onlineUrl). A time zone the JDK does not
   * know is dropped rather than trusted (calendars then use UTC).
   */
  private static DirectoryEntry.Schedule schedule(
      Instant start, JsonNode d, Map<String, String> placeName, Map<String, String> placeAddress) {
    if (start == null) return null;
    String zone = d.path("timeZone").asText(null);
    if (zone != null) {
      try {
        java.time.ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        zone = null;
      }
    }
    Map<String, String> place = new LinkedHashMap<>();
    Set<String> langs = new LinkedHashSet<>(placeName.keySet());
    langs.addAll(placeAddress.keySet());
    for (String l : langs) {
      String name = placeName.getOrDefault(l, "");
      String address = placeAddress.getOrDefault(l, "");
      place.put(l, name.isEmpty() || address.isEmpty() ? name + address : name + ", " + address);
    }
    String online = d.path("onlineUrl").isTextual() ? d.get("onlineUrl").asText() : null;
    return new DirectoryEntry.Schedule(start, instant(d.get("endTime")), zone, place, online);
  }

  /** When it happens: start time, start date, report period, else {@code fallback}. */
  private static Instant firstDate(JsonNode d, Instant start, Instant fallback) {
    if (start != null) return start;
    for (JsonNode n : List.of(d.path("startDate"), d.path("period").path("start"))) {
      if (n.isTextual()) {
        try {
          return LocalDate.parse(n.asText()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (RuntimeException ignored) {
          // not a plain date: try the next
        }
      }
    }
    return fallback;
  }

  /** Languages it can be read in (its language maps) plus those it declares (e.g. of an event). */
  private static List<String> languages(
      JsonNode d,
      Map<String, String> title,
      Map<String, String> summary,
      Map<String, String> content) {
    Set<String> out = new LinkedHashSet<>();
    for (Map<String, String> m : List.of(title, summary, content)) {
      m.keySet().stream().filter(k -> !k.equals("und")).forEach(out::add);
    }
    out.addAll(strings(d.get("languages")));
    return new ArrayList<>(out);
  }

  /** {@code nameMap} when present, else {@code name} under the language its script suggests. */
  private static Map<String, String> langMap(JsonNode o, String property) {
    Map<String, String> m = map(o.get(property + "Map"));
    if (!m.isEmpty()) return m;
    JsonNode plain = o.get(property);
    if (plain == null || !plain.isTextual() || plain.asText().isBlank()) return Map.of();
    String s = plain.asText();
    boolean arabic =
        s.codePoints()
            .anyMatch(cp -> Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.ARABIC);
    return Map.of(arabic ? "ar" : "en", s);
  }

  private static Map<String, String> map(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.properties()
          .forEach(
              kv -> {
                if (kv.getValue().isTextual()) out.put(kv.getKey(), kv.getValue().asText());
              });
    }
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null && n.isArray())
      n.forEach(
          x -> {
            if (x.isTextual()) out.add(x.asText());
          });
    return out;
  }

  private static List<String> distinct(List<String> l) {
    return new ArrayList<>(new LinkedHashSet<>(l));
  }

  private static Instant instant(JsonNode n) {
    if (n == null || !n.isTextual()) return null;
    try {
      return OffsetDateTime.parse(n.asText()).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Received content is HTML: keep the words, drop the markup (it is never rendered from here). */
  static String plainText(String html) {
    String text = html.indexOf('<') < 0 ? html : TAG.matcher(html).replaceAll(" ");
    return SPACES
        .matcher(
            text.indexOf('&') < 0
                ? text
                : text.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&nbsp;", " ")
                    .replace("&amp;", "&"))
        .replaceAll(" ")
        .trim();
  }

  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("(?s)<[^>]*>");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private JsonNode read(String s) {
    try {
      return s == null ? json.createObjectNode() : json.readTree(s);
    } catch (IOException e) {
      return json.createObjectNode(); // a stored document that does not parse has nothing to index
    }
  }
}
