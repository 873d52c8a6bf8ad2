package org.madani.node.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the directory, own or received, in the one shape search, pages, the API and feeds
 * use. Text fields are language maps ({@code {"ar": …, "en": …}}); {@code content} is plain text
 * (received HTML is reduced to text before it gets here).
 *
 * @param id the entry's ActivityStreams id (its public URL at the origin)
 * @param kind Madani kind wire name (event, project, …)
 * @param audience {@code public} or {@code network}; private entries never enter the directory
 * @param orgId actor id of the organization that published it
 * @param orgName that organization's name, as a language map
 * @param date when it happens or happened: start time or start date, else publication time
 * @param updated last change at the origin (or receipt, for received entries)
 * @param viewers hosted organizations allowed to see a network entry (own org or recipients); empty
 *     for public entries
 * @param local true for this node's own entries
 * @param schedule when and where an event happens (feeds and calendars); null for other kinds
 */
public record DirectoryEntry(
    String id,
    String kind,
    String audience,
    Map<String, String> title,
    Map<String, String> summary,
    Map<String, String> content,
    List<String> keywords,
    String orgId,
    Map<String, String> orgName,
    List<String> sectors,
    List<String> regions,
    List<String> languages,
    Instant date,
    Instant updated,
    Set<Long> viewers,
    boolean local,
    Provenance provenance,
    Schedule schedule) {

  public static final String PUBLIC = "public";
  public static final String NETWORK = "network";

  /** This entry with its organization's display name set to {@code name}. */
  public DirectoryEntry withOrgName(Map<String, String> name) {
    return new DirectoryEntry(
        id,
        kind,
        audience,
        title,
        summary,
        content,
        keywords,
        orgId,
        name,
        sectors,
        regions,
        languages,
        date,
        updated,
        viewers,
        local,
        provenance,
        schedule);
  }

  /**
   * The kind of a post received from a followed Fediverse account (a Note: a Mastodon status, a
   * Fedify or Misskey post). Not a Madani entry kind: nobody publishes one here, they are only
   * shown.
   */
  public static final String POST = "post";

  /**
   * A question asked by an organization (collaboration, issue 16): shown and searched, answered by
   * replies.
   */
  public static final String QUESTION = "question";

  public DirectoryEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(provenance, "provenance");
    if (!PUBLIC.equals(audience) && !NETWORK.equals(audience)) {
      throw new IllegalArgumentException("audience must be public or network, not " + audience);
    }
    title = Map.copyOf(title == null ? Map.of() : title);
    summary = Map.copyOf(summary == null ? Map.of() : summary);
    content = Map.copyOf(content == null ? Map.of() : content);
    keywords = List.copyOf(keywords == null ? List.of() : keywords);
    orgName = Map.copyOf(orgName == null ? Map.of() : orgName);
    sectors = List.copyOf(sectors == null ? List.of() : sectors);
    regions = List.copyOf(regions == null ? List.of() : regions);
    languages = List.copyOf(languages == null ? List.of() : languages);
    viewers = Set.copyOf(viewers == null ? Set.of() : viewers);
    if (date == null) date = updated;
  }

  /** An entry without a schedule (every kind but event). */
  public DirectoryEntry(
      String id,
      String kind,
      String audience,
      Map<String, String> title,
      Map<String, String> summary,
      Map<String, String> content,
      List<String> keywords,
      String orgId,
      Map<String, String> orgName,
      List<String> sectors,
      List<String> regions,
      List<String> languages,
      Instant date,
      Instant updated,
      Set<Long> viewers,
      boolean local,
      Provenance provenance) {
    this(
        id,
        kind,
        audience,
        title,
        summary,
        content,
        keywords,
        orgId,
        orgName,
        sectors,
        regions,
        languages,
        date,
        updated,
        viewers,
        local,
        provenance,
        null);
  }

  /**
   * When and where an event happens, as its organization gave it.
   *
   * @param start the start instant
   * @param end the end instant, or null
   * @param timeZone the IANA zone the event is held in (protocol-spec/data-model.md §6.3); null
   *     when the origin did not say (an event from other fediverse software): then calendars use
   *     UTC
   * @param place the place's name and address, as a language map of display lines; may be empty
   * @param onlineUrl where to join online, or null
   */
  public record Schedule(
      Instant start, Instant end, String timeZone, Map<String, String> place, String onlineUrl) {
    public Schedule {
      Objects.requireNonNull(start, "start");
      place = Map.copyOf(place == null ? Map.of() : place);
    }
  }

  /**
   * Where an entry came from and how we know it is genuine.
   *
   * @param origin actor id of the publishing organization
   * @param verifiedBy how it was verified on receipt (e.g. {@code rfc9421/ed25519}); {@code local}
   *     for this node's own entries
   * @param via the peer that relayed it, when it did not come straight from its origin
   * @param lastConfirmed when the origin last sent it (create or update)
   */
  public record Provenance(String origin, String verifiedBy, String via, Instant lastConfirmed) {
    public Provenance {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(verifiedBy, "verifiedBy");
    }
  }
}
