package org.madani.node.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.madani.node.directory.DirectoryService;
import org.madani.node.http.pages.DirectoryPageRenderer;
import org.madani.node.http.pages.Lang;
import org.madani.node.model.DirectoryQuery;
import org.madani.node.model.ProblemException;

/**
 * {@code GET /directory}: the public, server-rendered directory. Public entries only, whoever asks;
 * network entries are for the admin API. Invalid filters give a 400 page that still shows the form,
 * so a visitor can correct them.
 */
public final class DirectoryPages {

  private final DirectoryService directory;
  private final DirectoryPageRenderer renderer;

  public DirectoryPages(DirectoryService directory, DirectoryPageRenderer renderer) {
    this.directory = directory;
    this.renderer = renderer;
  }

  public void mount(Router router) {
    router.get("/directory").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    Lang lang = PageResponses.lang(ctx);
    Map<String, String> params = new HashMap<>();
    for (String f : DirectoryPageRenderer.FIELDS) {
      String v = ctx.request().getParam(f);
      if (v != null && !v.isBlank()) params.put(f, v.trim());
    }
    if (ctx.request().getParam("page") != null) params.put("page", ctx.request().getParam("page"));
    DirectoryQuery q;
    try {
      q = DirectoryRoutes.query(params::get, "language", Set.of());
    } catch (ProblemException e) {
      PageResponses.html(
          ctx,
          400,
          lang,
          renderer.page(lang, params, null, e.problem().detail(), ctx.request().path()));
      return;
    }
    directory
        .search(q)
        .onSuccess(
            r ->
                PageResponses.html(
                    ctx, 200, lang, renderer.page(lang, params, r, null, ctx.request().path())))
        .onFailure(ctx::fail);
  }
}
