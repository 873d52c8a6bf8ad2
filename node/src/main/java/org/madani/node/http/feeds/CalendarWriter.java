package org.madani.node.http.feeds;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.madani.node.model.DirectoryEntry;

/**
 * iCalendar (RFC 5545) for events, with ical4j doing the escaping and line folding.
 *
 * <p>Times: DTSTART/DTEND are written as local time with {@code TZID} = the event's IANA zone, and
 * the calendar carries a VTIMEZONE for each zone used, built here from the JDK's tz rules for the
 * span of the events (±1 year). Two reasons not to let ical4j convert: its bundled zone definitions
 * lag behind real changes, and its rules for Asia/Damascus still model the summer time Syria
 * dropped in 2022 (it wrote 18:00 for an event at 19:00, +03:00) — the very zone most Madani events
 * are in. Events whose origin named no zone are written in UTC.
 *
 * <p>Thread-safe (stateless).
 */
public final class CalendarWriter {

  public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
  static final String PRODID = "-//Madani//Madani node//AR";

  /** How far around the events the VTIMEZONE's transitions reach. */
  static final Duration MARGIN = Duration.ofDays(366);

  public String write(FeedDocument f, Instant now) {
    Calendar cal = new Calendar();
    cal.add(new ProdId(PRODID));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    cal.add(ImmutableMethod.PUBLISH);
    cal.add(new XProperty("X-WR-CALNAME", FeedText.both(f.title())));
    Map<String, Instant[]> spans = new TreeMap<>();
    List<VEvent> events = new ArrayList<>();
    for (DirectoryEntry e : f.items()) {
      DirectoryEntry.Schedule s = e.schedule();
      if (s == null) continue;
      events.add(event(e, s, now));
      if (s.timeZone() != null) {
        Instant end = s.end() == null ? s.start() : s.end();
        spans.merge(
            s.timeZone(),
            new Instant[] {s.start(), end},
            (a, b) ->
                new Instant[] {
                  a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]
                });
      }
    }
    spans.forEach(
        (zone, span) ->
            cal.add(timeZone(ZoneId.of(zone), span[0].minus(MARGIN), span[1].plus(MARGIN))));
    events.forEach(cal::add);
    return cal.toString();
  }

  private static VEvent event(DirectoryEntry e, DirectoryEntry.Schedule s, Instant now) {
    VEvent v = new VEvent(false);
    v.add(new Uid(e.id()));
    // DTSTAMP: when this representation was made (RFC 5545 §3.8.7.2, METHOD present).
    v.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
    v.add(new LastModified(e.updated().truncatedTo(ChronoUnit.SECONDS)));
    if (s.timeZone() != null) {
      ZoneId zone = ZoneId.of(s.timeZone());
      DtStart<LocalDateTime> start = new DtStart<>(LocalDateTime.ofInstant(s.start(), zone));
      start.add(new TzId(zone.getId()));
      v.add(start);
      if (s.end() != null) {
        DtEnd<LocalDateTime> end = new DtEnd<>(LocalDateTime.ofInstant(s.end(), zone));
        end.add(new TzId(zone.getId()));
        v.add(end);
      }
    } else {
      v.add(new DtStart<>(s.start().truncatedTo(ChronoUnit.SECONDS)));
      if (s.end() != null) v.add(new DtEnd<>(s.end().truncatedTo(ChronoUnit.SECONDS)));
    }
    v.add(new Summary(e.title().isEmpty() ? e.id() : FeedText.both(e.title())));
    v.add(new Description(FeedText.plain(FeedText.sections(e))));
    if (!s.place().isEmpty()) {
      v.add(new Location(FeedText.both(s.place())));
    } else if (s.onlineUrl() != null) {
      v.add(new Location(s.onlineUrl()));
    }
    if (e.id().startsWith("http")) {
      try {
        v.add(new Url(URI.create(e.id())));
      } catch (IllegalArgumentException ignored) {
        // an id that is not a URI has no URL to give; UID still names it
      }
    }
    v.add(new Categories(e.kind()));
    return v;
  }

  /**
   * A VTIMEZONE for {@code zone} valid from {@code from} to {@code to}: the offset in force at
   * {@code from}, then one observance per transition (RFC 5545 §3.6.5: DTSTART is the local time
   * before the change, in TZOFFSETFROM).
   */
  static VTimeZone timeZone(ZoneId zone, Instant from, Instant to) {
    ZoneRules rules = zone.getRules();
    List<Observance> observances = new ArrayList<>();
    ZoneOffset initial = rules.getOffset(from);
    Observance first = rules.isDaylightSavings(from) ? new Daylight() : new Standard();
    first.add(
        new DtStart<>(LocalDateTime.ofInstant(from.truncatedTo(ChronoUnit.SECONDS), initial)));
    first.add(new TzOffsetFrom(initial));
    first.add(new TzOffsetTo(initial));
    observances.add(first);
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      Observance o = rules.isDaylightSavings(t.getInstant()) ? new Daylight() : new Standard();
      o.add(new DtStart<>(t.getDateTimeBefore()));
      o.add(new TzOffsetFrom(t.getOffsetBefore()));
      o.add(new TzOffsetTo(t.getOffsetAfter()));
      observances.add(o);
    }
    VTimeZone v = new VTimeZone(new ComponentList<>(observances));
    v.add(new net.fortuna.ical4j.model.property.TzId(zone.getId()));
    return v;
  }
}
