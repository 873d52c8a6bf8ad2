package org.madani.node.account;

import io.vertx.core.Future;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.madani.node.model.Problem;
import org.madani.node.store.Database;
import org.madani.node.store.InvitationRepository;

/**
 * One-time links that let an admin invite another: the token is random, stored only hashed, expires
 * after {@link #LIFETIME} and works once. Thread-safe.
 */
public final class Invitations {

  public static final Duration LIFETIME = Duration.ofHours(48);
  static final int MIN_PASSWORD = 12;

  /** A fresh invitation: the token goes into the link and is not kept anywhere. */
  public record Issued(String token, Instant expires) {}

  private final Database db;
  private final InvitationRepository invitations;
  private final AdminAccounts accounts;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public Invitations(
      Database db, InvitationRepository invitations, AdminAccounts accounts, Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.accounts = accounts;
    this.clock = clock;
  }

  public Future<Issued> create(String createdBy) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    return db.tx(
        c -> {
          invitations.insert(c, ApiTokens.hash(token), createdBy, now, expires);
          return new Issued(token, expires);
        });
  }

  /**
   * Creates the invited admin and consumes the invitation, both in one transaction: a taken name
   * (409) leaves the link usable; an unknown, used or expired link is 404 (not said which).
   */
  public Future<Void> accept(String token, String username, char[] password) {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
      Arrays.fill(password, '\0');
      return Future.failedFuture(
          Problem.unprocessable(
              "The user name needs 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'."));
    }
    if (password.length < MIN_PASSWORD) {
      Arrays.fill(password, '\0');
      return Future.failedFuture(
          Problem.unprocessable("The password needs at least " + MIN_PASSWORD + " characters."));
    }
    return db.tx(
        c -> {
          if (!invitations.consume(c, ApiTokens.hash(token), username, clock.instant())) {
            Arrays.fill(password, '\0');
            throw Problem.notFound("This invitation link is unknown, already used or expired.");
          }
          accounts.createAdmin(c, username, password);
          return null;
        });
  }
}
