package org.madani.node.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.Locale;
import org.madani.node.account.AdminSession;
import org.madani.node.account.AdminSessions;
import org.madani.node.account.AuditLog;
import org.madani.node.account.Invitations;
import org.madani.node.json.JsonCodec;
import org.madani.node.model.Problem;

/**
 * The admin UI's session endpoints: {@code POST /admin/session} (login by JSON or form), {@code
 * GET} (who am I, and the CSRF token), {@code DELETE} (logout); and {@code POST
 * /admin/invitations/:token} to accept a one-time invitation. Login and invitation POSTs from
 * another site are refused (login CSRF would sign the victim into an attacker's account).
 */
public final class AdminSessionRoutes {

  private static final int BODY_LIMIT = 16 * 1024;

  private final AdminSessions sessions;
  private final Invitations invitations;
  private final AuditLog audit;
  private final JsonCodec json;
  private final SameOrigin sameOrigin;
  private final boolean secureCookie;

  public AdminSessionRoutes(
      AdminSessions sessions,
      Invitations invitations,
      AuditLog audit,
      JsonCodec json,
      URI baseUrl) {
    this.sessions = sessions;
    this.invitations = invitations;
    this.audit = audit;
    this.json = json;
    this.sameOrigin = new SameOrigin(baseUrl);
    this.secureCookie = "https".equalsIgnoreCase(baseUrl.getScheme());
  }

  public void mount(Router router) {
    router.route("/admin/session").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router
        .route("/admin/invitations/*")
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.post("/admin/session").handler(this::login);
    router.get("/admin/session").handler(this::current);
    router.delete("/admin/session").handler(this::logout);
    router.post("/admin/invitations/:token").handler(this::acceptInvitation);
  }

  private record Credentials(String username, String password, boolean form) {}

  private Credentials credentials(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String base = type == null ? "" : type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (base.equals("application/x-www-form-urlencoded")) {
      return new Credentials(
          nonNull(ctx.request().getFormAttribute("username")),
          nonNull(ctx.request().getFormAttribute("password")),
          true);
    }
    if (!base.equals("application/json")) {
      throw Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send application/json or a form (application/x-www-form-urlencoded).")
          .exception();
    }
    var b = ctx.body().buffer();
    ObjectNode in = json.parseObject(b == null ? null : b.getBytes());
    return new Credentials(in.path("username").asText(""), in.path("password").asText(""), false);
  }

  private void login(RoutingContext ctx) {
    if (sameOrigin.crossSite(ctx.request())) {
      ctx.fail(AdminAuth.crossSite());
      return;
    }
    Credentials in = credentials(ctx);
    if (in.username().isBlank() || in.password().isEmpty()) {
      ctx.fail(Problem.badRequest("Send a user name and a password."));
      return;
    }
    sessions
        .start(in.username().trim(), in.password().toCharArray())
        .compose(
            started ->
                audit
                    .record(started.session().username(), "session.login", null, null, 201)
                    .map(started))
        .onSuccess(
            started -> {
              ctx.response().addCookie(cookie(started.cookieValue()));
              if (in.form()) {
                ctx.response().setStatusCode(303).putHeader("Location", "/admin/").end();
              } else {
                sendJson(ctx, 201, sessionJson(started.session()));
              }
            })
        .onFailure(ctx::fail);
  }

  private void current(RoutingContext ctx) {
    withSession(ctx, s -> sendJson(ctx, 200, sessionJson(s)));
  }

  private void logout(RoutingContext ctx) {
    if (sameOrigin.crossSite(ctx.request())) {
      ctx.fail(AdminAuth.crossSite());
      return;
    }
    withSession(
        ctx,
        s -> {
          if (!AdminSessions.csrfMatches(s, ctx.request().getHeader(AdminAuth.CSRF_HEADER))) {
            ctx.fail(
                Problem.of(
                        403,
                        "csrf",
                        "Missing or wrong CSRF token",
                        "Logging out needs the session's X-CSRF-Token header.")
                    .exception());
            return;
          }
          sessions
              .end(s)
              .compose(v -> audit.record(s.username(), "session.logout", null, null, 204))
              .onSuccess(
                  v -> {
                    ctx.response().addCookie(cookie("").setMaxAge(0));
                    ctx.response().setStatusCode(204).end();
                  })
              .onFailure(ctx::fail);
        });
  }

  private void acceptInvitation(RoutingContext ctx) {
    if (sameOrigin.crossSite(ctx.request())) {
      ctx.fail(AdminAuth.crossSite());
      return;
    }
    Credentials in = credentials(ctx);
    String username = in.username().trim();
    invitations
        .accept(ctx.pathParam("token"), username, in.password().toCharArray())
        .compose(
            v -> audit.record(username, "admin.invitation.accept", "admins/" + username, null, 201))
        .onSuccess(
            v -> {
              ObjectNode out = json.mapper().createObjectNode();
              out.put("username", username);
              sendJson(ctx, 201, out);
            })
        .onFailure(ctx::fail);
  }

  private void withSession(RoutingContext ctx, java.util.function.Consumer<AdminSession> then) {
    Cookie c = ctx.request().getCookie(AdminAuth.COOKIE);
    if (c == null) {
      ctx.fail(
          Problem.of(401, "unauthorized", "Not logged in", "There is no admin session.")
              .exception());
      return;
    }
    sessions
        .resume(c.getValue())
        .onSuccess(
            s -> {
              if (s.isEmpty()) ctx.fail(AdminAuth.sessionExpired());
              else then.accept(s.get());
            })
        .onFailure(ctx::fail);
  }

  private Cookie cookie(String value) {
    // HttpOnly: scripts (an XSS) cannot read it. SameSite=Strict: not sent on cross-site requests.
    // No Max-Age: it ends with the browser; the server enforces idle and absolute expiry anyway.
    return Cookie.cookie(AdminAuth.COOKIE, value)
        .setPath("/")
        .setHttpOnly(true)
        .setSecure(secureCookie)
        .setSameSite(CookieSameSite.STRICT);
  }

  private ObjectNode sessionJson(AdminSession s) {
    ObjectNode out = json.mapper().createObjectNode();
    out.put("username", s.username());
    out.put("csrfToken", s.csrfToken());
    out.put("expires", s.expires().toString());
    out.put("idleTimeoutSeconds", sessions.policy().idle().toSeconds());
    return out;
  }

  private void sendJson(RoutingContext ctx, int status, ObjectNode body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(json.write(body)));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
