package org.madani.node.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.http.pages.Lang;

/**
 * How every server-rendered page is answered: the page language (chosen by {@code ?lang=}, the
 * cookie, Accept-Language) and the HTML response with its Content-Security-Policy.
 */
public final class PageResponses {

  private PageResponses() {}

  /**
   * No scripts at all, styles, fonts and images only from this node, no framing, no form posts
   * elsewhere.
   */
  static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; "
          + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * The language cookie: only the language a visitor picked, nothing that identifies them; Lax so
   * it comes along on ordinary links from elsewhere; a year; HttpOnly (no script reads it).
   */
  static final String LANG_COOKIE = "lang";

  /**
   * The page language; an explicit {@code ?lang=} is also remembered in a cookie so the next page,
   * reached by a plain link, stays in it.
   */
  public static Lang lang(RoutingContext ctx) {
    String q = ctx.request().getParam("lang");
    Cookie c = ctx.request().getCookie(LANG_COOKIE);
    Lang lang =
        Lang.choose(q, c == null ? null : c.getValue(), ctx.request().getHeader("Accept-Language"));
    if (("ar".equals(q) || "en".equals(q)) && (c == null || !q.equals(c.getValue()))) {
      ctx.response()
          .addCookie(
              Cookie.cookie(LANG_COOKIE, lang.code)
                  .setPath("/")
                  .setMaxAge(365L * 24 * 3600)
                  .setSameSite(CookieSameSite.LAX)
                  .setHttpOnly(true));
    }
    return lang;
  }

  public static void html(RoutingContext ctx, int status, Lang lang, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Language", lang.code)
        .putHeader("Vary", "Accept, Accept-Language, Cookie")
        .putHeader("Content-Security-Policy", CSP)
        .end(body);
  }
}
