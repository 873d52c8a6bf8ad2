package org.madani.node.http.collab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.madani.node.store.collab.InvitationRepository.InvitationRow;

/**
 * One invitation as an iCalendar request (RFC 5545/5546, ical4j doing escaping and folding): the
 * event with the inviter as ORGANIZER and the invitee as ATTENDEE whose PARTSTAT is the
 * invitation's status (NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE). Stateless.
 */
final class InvitationCalendar {

  static final String CONTENT_TYPE = "text/calendar; charset=utf-8; method=REQUEST";

  private InvitationCalendar() {}

  static PartStat partStat(String state) {
    return switch (state) {
      case "accepted" -> PartStat.ACCEPTED;
      case "declined" -> PartStat.DECLINED;
      case "tentative" -> PartStat.TENTATIVE;
      default -> PartStat.NEEDS_ACTION;
    };
  }

  static String write(ObjectMapper json, InvitationRow r, Instant now) {
    Calendar cal = new Calendar();
    cal.add(new ProdId("-//Madani//Madani node//AR"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableMethod.REQUEST);
    VEvent v = new VEvent(false);
    v.add(new Uid(r.eventId()));
    v.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
    if (r.eventStart() != null)
      v.add(new DtStart<>(r.eventStart().truncatedTo(ChronoUnit.SECONDS)));
    v.add(new Summary(name(json, r.eventName(), r.eventId())));
    if (r.note() != null && !r.note().isBlank()) v.add(new Description(r.note()));
    v.add(new Url(URI.create(r.eventId())));
    v.add(new Organizer(URI.create(r.inviter())));
    Attendee attendee = new Attendee(URI.create(r.invitee()));
    attendee.add(partStat(r.state()));
    v.add(attendee);
    cal.add(v);
    return cal.toString();
  }

  /** "Arabic — English" from the stored language map, else the id. */
  private static String name(ObjectMapper json, String stored, String fallback) {
    if (stored == null) return fallback;
    try {
      JsonNode n = json.readTree(stored);
      if (n.isTextual()) return n.asText();
      String ar = n.path("ar").asText("");
      String en = n.path("en").asText("");
      if (!ar.isEmpty() && !en.isEmpty()) return ar + " — " + en;
      return !ar.isEmpty() ? ar : !en.isEmpty() ? en : fallback;
    } catch (java.io.IOException e) {
      return stored;
    }
  }
}
