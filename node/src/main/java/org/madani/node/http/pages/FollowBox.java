package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

import java.util.List;

/**
 * The follow box of an organization page: its Fediverse handle in a read-only field (selectable and
 * copyable without any script), its feeds, and a form where a visitor gives their own account
 * ({@code @name@their.server}) to follow it from there (the node looks up the visitor's server's
 * subscribe template and redirects; see {@code RemoteFollowRoutes}). Stateless.
 */
final class FollowBox {

  private FollowBox() {}

  /**
   * @param handle {@code @sawa@host}
   * @param error a sentence in the page language shown above the form, or null
   * @param account what the visitor typed, kept in the field after an error, or null
   */
  static String render(
      Lang lang,
      String orgHandle,
      String handle,
      List<PageFrame.FeedLink> feeds,
      String error,
      String account) {
    StringBuilder b = new StringBuilder();
    b.append(
            "<section id=\"follow\" class=\"follow\" aria-labelledby=\"follow-h\"><h2 id=\"follow-h\">")
        .append(esc(t(lang, "follow.heading")))
        .append("</h2>");
    b.append("<label for=\"fedi-handle\">")
        .append(esc(t(lang, "follow.handle")))
        .append("</label>")
        .append(
            "<input id=\"fedi-handle\" class=\"handle\" type=\"text\" readonly dir=\"ltr\" value=\"")
        .append(esc(handle))
        .append("\" aria-describedby=\"fedi-hint\">")
        .append("<p id=\"fedi-hint\" class=\"hint\">")
        .append(esc(t(lang, "follow.copyHint")))
        .append("</p>");
    b.append("<form class=\"remote-follow\" method=\"get\" action=\"/orgs/")
        .append(esc(orgHandle))
        .append("/follow\"><input type=\"hidden\" name=\"lang\" value=\"")
        .append(lang.code)
        .append("\">");
    if (error != null) {
      b.append("<p class=\"error\" role=\"alert\" id=\"follow-error\">")
          .append(esc(t(lang, "follow.failed")))
          .append(": ")
          .append(esc(error))
          .append("</p>");
    }
    b.append("<label for=\"follow-account\">")
        .append(esc(t(lang, "follow.fromServer")))
        .append("</label>")
        .append(
            "<span class=\"row\"><input id=\"follow-account\" name=\"account\" type=\"text\" dir=\"ltr\" ")
        .append(
            "required maxlength=\"300\" autocomplete=\"username\" placeholder=\"@name@example.social\"")
        .append(error != null ? " aria-invalid=\"true\" aria-describedby=\"follow-error\"" : "")
        .append(" value=\"")
        .append(esc(account == null ? "" : account))
        .append("\">")
        .append("<button type=\"submit\">")
        .append(esc(t(lang, "follow.submit")))
        .append("</button></span>")
        .append("<small class=\"hint\">")
        .append(esc(t(lang, "follow.yourHandle")))
        .append("</small></form>");
    b.append("<p class=\"feeds\">").append(esc(t(lang, "feeds"))).append(": ");
    boolean first = true;
    for (PageFrame.FeedLink f : feeds) {
      b.append(first ? "" : " · ")
          .append("<a type=\"")
          .append(f.type())
          .append("\" href=\"")
          .append(esc(f.href()))
          .append("\">")
          .append(esc(t(lang, "feed." + f.format())))
          .append("</a>");
      first = false;
    }
    return b.append("</p></section>").toString();
  }
}
