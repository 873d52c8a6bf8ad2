package org.madani.node.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a node's PostgreSQL database is: parsed from the libpq-style URL an operator writes ({@code
 * postgresql://user@host:5432/madani}, also {@code postgres://} and {@code jdbc:postgresql://}),
 * turned into a JDBC URL plus the user apart. A password in the URL is taken but never printed
 * ({@link #toString()}, {@link #withoutPassword()}); prefer {@code MADANI_DATABASE_PASSWORD_FILE}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database?…}
 * @param user the role to log in as; null lets the driver pick (the OS user)
 * @param password null when not given in the URL
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

  /** Whether {@code url} names a PostgreSQL database (any of the accepted schemes). */
  public static boolean isPostgres(String url) {
    return url != null
        && (url.startsWith("postgresql://")
            || url.startsWith("postgres://")
            || url.startsWith("jdbc:postgresql://"));
  }

  /**
   * Parses an operator's URL; throws IllegalArgumentException naming what is wrong (never the
   * password).
   */
  public static PostgresUrl parse(String url) {
    if (!isPostgres(url)) {
      throw new IllegalArgumentException("database must be a postgresql://user@host:port/name URL");
    }
    String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI u;
    try {
      u = URI.create(plain.replaceFirst("^postgres(ql)?://", "postgresql://"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "database URL is not a valid URL (postgresql://user@host:port/name)");
    }
    if (u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
      throw new IllegalArgumentException(
          "database URL needs a host and a database name: postgresql://user@host:port/name");
    }
    String user = null;
    String password = null;
    if (u.getRawUserInfo() != null) {
      String[] parts = u.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      if (parts.length == 2) password = decode(parts[1]);
    }
    String host =
        u.getHost().contains(":") && !u.getHost().startsWith("[")
            ? "[" + u.getHost() + "]"
            : u.getHost();
    String jdbc =
        "jdbc:postgresql://"
            + host
            + (u.getPort() > 0 ? ":" + u.getPort() : "")
            + u.getRawPath()
            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    return new PostgresUrl(jdbc, user == null || user.isEmpty() ? null : user, password);
  }

  /** The operator's form without any password, safe to save in node.json and to log. */
  public String withoutPassword() {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length());
    return "postgresql://" + (user == null ? "" : encode(user) + "@") + rest;
  }

  @Override
  public String toString() {
    return withoutPassword();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
