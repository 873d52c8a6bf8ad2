package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.madani.node.model.Entry;
import org.madani.node.model.EntryKind;
import org.madani.node.model.Organization;
import org.madani.node.text.Html;

/**
 * What a visitor can do about an entry, by kind: register for an event (and add it to a calendar),
 * apply to an offer, register interest in a need, take part in a campaign, read a report. The
 * schemas give offers and needs no link of their own, so their first link is the action, else the
 * organization's public e-mail, else its page. Also the kind's own facts that belong beside the
 * action: a campaign's goal, a project's partners, a knowledge post's byline.
 *
 * <p>Links to other sites are http(s) only and carry {@code rel="nofollow noopener noreferrer"};
 * hidden contact channels are never used. Stateless, thread-safe.
 */
final class EntryActions {

  private EntryActions() {}

  /** The action block (may be empty). {@code icsPath}: this event's calendar file. */
  static String render(Lang lang, Organization org, Entry e, String orgPath, String icsPath) {
    JsonNode d = e.document();
    StringBuilder b = new StringBuilder();
    switch (e.kind()) {
      case EVENT -> {
        if (safe(d, "registrationUrl"))
          b.append(button(d.get("registrationUrl").asText(), t(lang, "cta.register")));
        if (safe(d, "onlineUrl"))
          b.append(button(d.get("onlineUrl").asText(), t(lang, "cta.joinOnline")));
        b.append("<a class=\"button secondary\" type=\"text/calendar\" href=\"")
            .append(esc(icsPath))
            .append("\">")
            .append(esc(t(lang, "cta.calendar")))
            .append("</a>");
      }
      case OFFER -> firstLinkOrContact(b, lang, org, d, "cta.apply", orgPath);
      case NEED -> firstLinkOrContact(b, lang, org, d, "cta.interest", orgPath);
      case CAMPAIGN -> {
        JsonNode cta = d.path("callToAction");
        if (cta.isObject() && Html.safeUrl(cta.path("url").asText())) {
          b.append(button(cta.get("url").asText(), label(lang, cta.get("label"), "cta.takePart")));
        }
      }
      case REPORT -> {
        JsonNode doc = d.path("document");
        if (doc.isObject() && Html.safeUrl(doc.path("url").asText())) {
          b.append(
              button(doc.get("url").asText(), label(lang, doc.get("label"), "cta.readReport")));
        }
      }
      default -> {}
    }
    if (b.isEmpty()) return "";
    return "<section class=\"cta\" aria-labelledby=\"cta-h\"><h2 id=\"cta-h\">"
        + esc(t(lang, "cta.heading"))
        + "</h2><p class=\"actions\">"
        + b
        + "</p></section>";
  }

  /** The kind's facts shown above the body: goal, partners, byline, quantity. HTML. */
  static String facts(Lang lang, Entry e) {
    JsonNode d = e.document();
    StringBuilder b = new StringBuilder();
    if (e.kind() == EntryKind.ARTICLE && d.has("byline")) {
      b.append("<p class=\"byline\">")
          .append(esc(t(lang, "byline")))
          .append(' ')
          .append(PageText.text(lang, d.get("byline"), "span"))
          .append("</p>");
    }
    if (e.kind() == EntryKind.CAMPAIGN && d.has("goal")) {
      b.append("<section class=\"goal\"><h2>")
          .append(esc(t(lang, "goal")))
          .append("</h2>")
          .append(PageText.block(lang, d.get("goal")))
          .append("</section>");
    }
    if (e.kind() == EntryKind.PROJECT
        && d.path("partners").isArray()
        && !d.get("partners").isEmpty()) {
      b.append("<section class=\"partners\"><h2>")
          .append(esc(t(lang, "partners")))
          .append("</h2><ul class=\"tags\">");
      for (JsonNode p : d.get("partners")) {
        String v = p.asText();
        b.append("<li>")
            .append(Html.safeUrl(v) ? PageText.link(v, hostOf(v)) : "<bdi>" + esc(v) + "</bdi>")
            .append("</li>");
      }
      b.append("</ul></section>");
    }
    return b.toString();
  }

  private static void firstLinkOrContact(
      StringBuilder b, Lang lang, Organization org, JsonNode d, String key, String orgPath) {
    for (JsonNode l : d.path("links")) {
      if (Html.safeUrl(l.path("url").asText())) {
        b.append(button(l.get("url").asText(), t(lang, key)));
        return;
      }
    }
    for (JsonNode c : org.profile().path("contacts")) {
      if ("public".equals(c.path("visibility").asText())
          && "email".equals(c.path("kind").asText())) {
        Lang.Localized title = lang.pick(d.get("title"));
        String subject =
            title == null
                ? ""
                : "?subject="
                    + URLEncoder.encode(title.text(), StandardCharsets.UTF_8).replace("+", "%20");
        b.append("<a class=\"button\" href=\"mailto:")
            .append(esc(c.path("value").asText()))
            .append(esc(subject))
            .append("\">")
            .append(esc(t(lang, key)))
            .append("</a>");
        return;
      }
    }
    b.append("<a class=\"button\" href=\"")
        .append(esc(orgPath))
        .append("\">")
        .append(esc(t(lang, "cta.contactOrg")))
        .append("</a>");
  }

  private static String label(Lang lang, JsonNode map, String fallbackKey) {
    Lang.Localized l = lang.pick(map);
    return l == null ? t(lang, fallbackKey) : l.text();
  }

  private static boolean safe(JsonNode d, String field) {
    return d.hasNonNull(field) && Html.safeUrl(d.get(field).asText());
  }

  private static String button(String url, String label) {
    return "<a class=\"button\" rel=\"nofollow noopener noreferrer\" href=\""
        + esc(url)
        + "\">"
        + esc(label)
        + "</a>";
  }

  private static String hostOf(String url) {
    try {
      String h = java.net.URI.create(url).getHost();
      return h == null ? url : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}
