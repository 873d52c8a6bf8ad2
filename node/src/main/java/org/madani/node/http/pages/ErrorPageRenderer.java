package org.madani.node.http.pages;

import static org.madani.node.http.pages.Messages.t;
import static org.madani.node.text.Html.esc;

/**
 * Error pages for browsers (404, 400, 500 and the rest) in the visitor's language, in the public
 * pages' frame. Only safe text: a status, a sentence and, for a 500, the correlation id to quote;
 * never a detail meant for API clients or a cause. Stateless.
 */
public final class ErrorPageRenderer {

  private final PageRenderer frame;

  public ErrorPageRenderer(PageRenderer frame) {
    this.frame = frame;
  }

  public String page(Lang lang, int status, String path, String correlationId) {
    String title =
        switch (status) {
          case 404 -> t(lang, "notFound");
          case 400 -> t(lang, "badRequest");
          default -> status >= 500 ? t(lang, "serverError") : t(lang, "badRequest");
        };
    String text =
        switch (status) {
          case 404 -> t(lang, "notFoundText");
          case 400 -> t(lang, "badRequestText");
          default -> status >= 500 ? t(lang, "serverErrorText") : t(lang, "errorText");
        };
    StringBuilder b =
        new StringBuilder("<h1>")
            .append(esc(title))
            .append("</h1><p>")
            .append(esc(text))
            .append("</p><p class=\"muted\">HTTP ")
            .append(status)
            .append("</p>");
    if (correlationId != null) {
      b.append("<p>")
          .append(esc(t(lang, "errorId")))
          .append(": <code dir=\"ltr\">")
          .append(esc(correlationId))
          .append("</code></p>");
    }
    b.append("<p><a href=\"/\">")
        .append(esc(t(lang, "home")))
        .append("</a> · <a href=\"/directory\">")
        .append(esc(t(lang, "directory")))
        .append("</a></p>");
    return frame.layout(lang, title, b.toString(), path == null ? "/" : path);
  }
}
