package org.madani.node.spaces;

import io.vertx.ext.web.Router;

/**
 * The spaces area's routes: the admin API (mount after the admin API's authentication, which covers
 * {@code /api/v1/*}) and the signed catch-up route peers fetch from.
 */
public record SpacesWeb(SpaceApiRoutes api, SpaceCatchUpRoutes catchUp) {

  public void mount(Router router) {
    api.mount(router);
    catchUp.mount(router);
  }
}
