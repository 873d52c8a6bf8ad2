package org.madani.node.http;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.madani.node.account.AdminAccounts;
import org.madani.node.account.AdminSession;
import org.madani.node.account.AdminSessions;
import org.madani.node.model.Problem;

/**
 * Authenticates /api/v1 requests by EITHER a bearer token OR the admin UI's session cookie.
 *
 * <p>A cookie is an ambient credential: the browser attaches it to requests other sites make, so a
 * state-changing request authenticated by cookie must also come from our own origin and carry the
 * session's synchronizer token in {@code X-CSRF-Token} (403 otherwise). A bearer token is never
 * attached by the browser on its own, so token requests need neither.
 */
public final class AdminAuth implements Handler<RoutingContext> {

  public static final String COOKIE = "madani_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String KEY = "madani.admin";

  /** Who is acting: {@code auditName} is the user name, or {@code token:<label>}. */
  public record Principal(String auditName, AdminSession session) {}

  private final AdminAccounts accounts;
  private final AdminSessions sessions;
  private final SameOrigin sameOrigin;

  public AdminAuth(AdminAccounts accounts, AdminSessions sessions, java.net.URI baseUrl) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.sameOrigin = new SameOrigin(baseUrl);
  }

  /** The principal a previous {@link AdminAuth} stored on this request. */
  public static Principal principal(RoutingContext ctx) {
    return ctx.get(KEY);
  }

  static boolean stateChanging(HttpMethod m) {
    return !(m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS);
  }

  SameOrigin sameOrigin() {
    return sameOrigin;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String auth = ctx.request().getHeader("Authorization");
    if (auth != null) {
      bearer(ctx, auth);
      return;
    }
    Cookie cookie = ctx.request().getCookie(COOKIE);
    if (cookie == null) {
      ctx.fail(
          Problem.of(
                  401,
                  "unauthorized",
                  "Authentication required",
                  "Log in at /admin, or send an admin API token as 'Authorization: Bearer <token>'.")
              .exception());
      return;
    }
    boolean unsafe = stateChanging(ctx.request().method());
    if (unsafe && sameOrigin.crossSite(ctx.request())) {
      ctx.fail(crossSite());
      return;
    }
    sessions
        .resume(cookie.getValue())
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              Optional<AdminSession> s = ar.result();
              if (s.isEmpty()) {
                ctx.fail(sessionExpired());
                return;
              }
              if (unsafe
                  && !AdminSessions.csrfMatches(s.get(), ctx.request().getHeader(CSRF_HEADER))) {
                ctx.fail(
                    Problem.of(
                            403,
                            "csrf",
                            "Missing or wrong CSRF token",
                            "State-changing requests from the admin UI must carry the session's X-CSRF-Token header.")
                        .exception());
                return;
              }
              ctx.put(KEY, new Principal(s.get().username(), s.get()));
              ctx.next();
            });
  }

  private void bearer(RoutingContext ctx, String auth) {
    if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.length() < 8) {
      ctx.fail(
          Problem.of(
                  401,
                  "unauthorized",
                  "Authentication required",
                  "Send an admin API token as 'Authorization: Bearer <token>'.")
              .exception());
      return;
    }
    accounts
        .tokenLabel(auth.substring(7).trim())
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
              } else if (ar.result().isPresent()) {
                ctx.put(KEY, new Principal("token:" + ar.result().get(), null));
                ctx.next();
              } else {
                ctx.fail(
                    Problem.of(
                            401,
                            "invalid-token",
                            "Invalid token",
                            "The token is unknown, revoked or expired.")
                        .exception());
              }
            });
  }

  static RuntimeException crossSite() {
    return Problem.of(
            403,
            "cross-site",
            "Cross-site request refused",
            "This request came from another site; the admin API accepts changes only from its own pages.")
        .exception();
  }

  static RuntimeException sessionExpired() {
    return Problem.of(
            401,
            "session-expired",
            "Session expired",
            "The session has ended (logged out, idle too long or too old). Log in again.")
        .exception();
  }
}
