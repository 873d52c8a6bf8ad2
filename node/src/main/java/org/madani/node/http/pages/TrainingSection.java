package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.madani.node.text.Html;

/**
 * What a training's public page shows beyond every entry's fields: how to register (a Join from the
 * visitor's own account, Madani's or any Fediverse software's, answered by capacity), its sessions
 * each with time, place and online link, capacity and registration mode. Stateless.
 */
final class TrainingSection {

  private TrainingSection() {}

  /** The call to action: how to register, the address to open, the sessions as a calendar. */
  static String cta(Lang lang, String entryUrl, String icsPath) {
    return "<section class=\"cta register\" aria-labelledby=\"cta-h\"><h2 id=\"cta-h\">"
        + esc(t(lang, "training.registration"))
        + "</h2><p>"
        + esc(t(lang, "training.registerHow"))
        + "</p><p><code class=\"join-url\" dir=\"ltr\">"
        + esc(entryUrl)
        + "</code></p><p class=\"actions\"><a class=\"button secondary\" type=\"text/calendar\""
        + " href=\""
        + esc(icsPath)
        + "\">"
        + esc(t(lang, "cta.calendar"))
        + "</a></p></section>";
  }

  /** Capacity and registration mode, as facts rows. */
  static String facts(Lang lang, JsonNode d) {
    String mode = d.path("registration").asText("open");
    return row(
            t(lang, "training.capacity"),
            d.hasNonNull("capacity")
                ? "<bdi>" + esc(d.get("capacity").asText()) + "</bdi>"
                : esc(t(lang, "training.unlimited")))
        + row(t(lang, "training.registration"), esc(t(lang, "training.registration." + mode)));
  }

  /** The sessions in order, each with its time (in the training's zone), place and online link. */
  static String sessions(Lang lang, EntryFacts facts, JsonNode d) {
    StringBuilder b =
        new StringBuilder("<section class=\"sessions\" aria-labelledby=\"sessions-h\">")
            .append("<h2 id=\"sessions-h\">")
            .append(esc(t(lang, "training.sessions")))
            .append("</h2><ol class=\"sessions\">");
    for (JsonNode s : d.path("sessions")) {
      ObjectNode when = JsonNodeFactory.instance.objectNode();
      when.set("startTime", s.get("startTime"));
      when.set("endTime", s.get("endTime"));
      if (d.has("timeZone")) when.set("timeZone", d.get("timeZone"));
      b.append("<li class=\"session\"><dl class=\"facts\">")
          .append(row(t(lang, "when"), EntryFacts.when(lang, when)));
      if (s.has("place")) b.append(row(t(lang, "where"), facts.place(lang, s.get("place"))));
      if (s.hasNonNull("onlineUrl") && Html.safeUrl(s.get("onlineUrl").asText())) {
        String u = s.get("onlineUrl").asText();
        b.append(row(t(lang, "online"), PageText.link(u, u)));
      }
      b.append("</dl></li>");
    }
    return b.append("</ol></section>").toString();
  }

  private static String row(String term, String html) {
    return "<dt>" + esc(term) + "</dt><dd>" + html + "</dd>";
  }
}
