package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.madani.node.content.EntryService;
import org.madani.node.content.ProfileService;
import org.madani.node.http.pages.Lang;
import org.madani.node.http.pages.PageRenderer;
import org.madani.node.model.EntryQuery;
import org.madani.node.model.Problem;
import org.madani.node.model.ProblemException;
import org.madani.node.model.Visibility;

/**
 * Public HTML pages of hosted organizations and their public entries, in Arabic (default,
 * right-to-left) or English, chosen by {@code ?lang=} or Accept-Language.
 */
public final class PublicPages {

  /** No scripts at all, styles and images only from this node, no framing, no form posts elsewhere. */
  static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final ProfileService profiles;
  private final EntryService entries;
  private final PageRenderer renderer;

  public PublicPages(ProfileService profiles, EntryService entries, PageRenderer renderer) {
    this.profiles = profiles;
    this.entries = entries;
    this.renderer = renderer;
  }

  public void mount(Router router) {
    router.get("/").handler(this::home);
    router.get("/orgs/:handle").handler(this::organization);
    router.get("/orgs/:handle/entries/:id").handler(this::entry);
  }

  private void home(RoutingContext ctx) {
    Lang lang = lang(ctx);
    profiles.organizations().onSuccess(orgs -> {
      if (orgs.size() == 1) {
        String q = ctx.request().getParam("lang");
        ctx.redirect("/orgs/" + orgs.get(0).handle() + (q == null ? "" : "?lang=" + lang.code));
      } else {
        html(ctx, 200, lang, renderer.organizationList(lang, orgs, ctx.request().path()));
      }
    }).onFailure(ctx::fail);
  }

  private void organization(RoutingContext ctx) {
    Lang lang = lang(ctx);
    String handle = ctx.pathParam("handle");
    profiles.get(handle)
        .compose(org -> entries.list(handle, new EntryQuery(null, Visibility.PUBLIC, null, null, null, null, 1, 50))
            .map(page -> renderer.organization(lang, org, page.items(), ctx.request().path())))
        .onSuccess(page -> html(ctx, 200, lang, page))
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  private void entry(RoutingContext ctx) {
    Lang lang = lang(ctx);
    String handle = ctx.pathParam("handle");
    profiles.get(handle)
        .compose(org -> entries.get(handle, ctx.pathParam("id")).map(e -> {
          // Network and private entries never appear on public pages.
          if (e.visibility() != Visibility.PUBLIC) {
            throw Problem.notFound("not public");
          }
          return renderer.entry(lang, org, e, ctx.request().path());
        }))
        .onSuccess(page -> html(ctx, 200, lang, page))
        .onFailure(err -> notFoundOr(ctx, lang, err));
  }

  private void notFoundOr(RoutingContext ctx, Lang lang, Throwable err) {
    if (err instanceof ProblemException pe && pe.problem().status() == 404) {
      html(ctx, 404, lang, renderer.notFound(lang, ctx.request().path()));
    } else {
      ctx.fail(err);
    }
  }

  static Lang lang(RoutingContext ctx) {
    return Lang.choose(ctx.request().getParam("lang"), ctx.request().getHeader("Accept-Language"));
  }

  static void html(RoutingContext ctx, int status, Lang lang, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Content-Language", lang.code)
        .putHeader("Vary", "Accept, Accept-Language")
        .putHeader("Content-Security-Policy", CSP)
        .end(body);
  }
}
