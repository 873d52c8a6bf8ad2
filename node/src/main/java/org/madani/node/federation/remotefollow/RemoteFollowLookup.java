package org.madani.node.federation.remotefollow;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.madani.node.federation.actor.DocumentFetcher;

/**
 * Looks up a visitor's account ({@code @name@server}) by WebFinger (RFC 7033) on their server and
 * returns the page there that follows a given actor: FEP-3b86's {@code Follow} intent when the
 * server offers it, else the OStatus subscribe template Mastodon, Misskey, Pleroma and Madani
 * publish, else FEP-3b86's generic {@code Object} intent. The template's {@code {uri}} / {@code
 * {object}} placeholder gets the actor id, URL-encoded.
 *
 * <p>Only an http(s) target is returned (a template is remote input: a {@code javascript:} one must
 * never become a redirect). The WebFinger request goes through the guarded fetcher ({@link
 * DocumentFetcher}): no private addresses outside development mode, size and time limits.
 * Thread-safe (stateless).
 */
public final class RemoteFollowLookup {

  static final String OSTATUS_SUBSCRIBE = "http://ostatus.org/schema/1.0/subscribe";
  static final String FEP_3B86_FOLLOW = "https://w3id.org/fep/3b86/Follow";
  static final String FEP_3B86_OBJECT = "https://w3id.org/fep/3b86/Object";

  /** user@host[:port], as servers write accounts; generous on the user part, strict on the host. */
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "[\\p{L}\\p{N}._~+-]{1,100}@[A-Za-z0-9]([A-Za-z0-9-]{0,62}[A-Za-z0-9])?(\\.[A-Za-z0-9-]{1,63})*(:\\d{1,5})?");

  /** The outcome: where to send the visitor, or why not. */
  public sealed interface Result {
    record Redirect(String url) implements Result {}

    record Failed(Reason reason) implements Result {}
  }

  public enum Reason {
    /** Not {@code name@host}. */
    BAD_ACCOUNT,
    /** The server did not answer, or does not know the account. */
    NOT_FOUND,
    /** The server answered but offers no way to follow from there. */
    NO_TEMPLATE,
    /** Too many lookups at that server just now (decided by the caller, before any fetch). */
    BUSY
  }

  private final DocumentFetcher webFinger;
  private final boolean devMode;

  /**
   * {@code devMode}: plain http to the visitor's server (loopback tests), as for our own follows.
   */
  public RemoteFollowLookup(DocumentFetcher webFinger, boolean devMode) {
    this.webFinger = webFinger;
    this.devMode = devMode;
  }

  /** Never fails: failures are {@link Result.Failed}. */
  public Future<Result> lookup(String account, String actorId) {
    String a = normalize(account);
    if (a == null) return Future.succeededFuture(new Result.Failed(Reason.BAD_ACCOUNT));
    String host = a.substring(a.lastIndexOf('@') + 1);
    URI uri =
        URI.create(
            (devMode ? "http" : "https")
                + "://"
                + host
                + "/.well-known/webfinger?resource="
                + URLEncoder.encode("acct:" + a, StandardCharsets.UTF_8));
    return webFinger
        .fetch(uri)
        .map(f -> (Result) target(f.document(), actorId))
        .otherwise(err -> new Result.Failed(Reason.NOT_FOUND));
  }

  /**
   * {@code name@host} from what a person types ({@code @name@host}, {@code acct:…}, spaces), or
   * null.
   */
  static String normalize(String account) {
    if (account == null) return null;
    String a = account.strip();
    if (a.startsWith("acct:")) a = a.substring(5);
    if (a.startsWith("@")) a = a.substring(1);
    return ACCOUNT.matcher(a).matches() ? a : null;
  }

  static Result target(JsonNode jrd, String actorId) {
    String encoded = URLEncoder.encode(actorId, StandardCharsets.UTF_8);
    for (String rel : List.of(FEP_3B86_FOLLOW, OSTATUS_SUBSCRIBE, FEP_3B86_OBJECT)) {
      for (JsonNode link : jrd.path("links")) {
        if (!rel.equals(link.path("rel").asText())) continue;
        String template = link.path("template").asText("");
        String url = template.replace("{uri}", encoded).replace("{object}", encoded);
        if (!url.equals(template) && (url.startsWith("https://") || url.startsWith("http://"))) {
          return new Result.Redirect(url);
        }
      }
    }
    return new Result.Failed(Reason.NO_TEMPLATE);
  }
}
