package org.madani.node.federation.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madani.node.federation.fetch.FetchException.Reason;

class AddressGuardTest {

  /** Never touches real DNS: answers from a table and counts lookups. */
  static final class TableResolver implements HostResolver {
    final Map<String, List<String>> table;
    final AtomicInteger lookups = new AtomicInteger();

    TableResolver(Map<String, List<String>> table) {
      this.table = table;
    }

    @Override
    public Future<List<InetAddress>> resolve(String host) {
      lookups.incrementAndGet();
      List<String> literals = table.get(host);
      if (literals == null) return Future.failedFuture(new UnknownHostException(host));
      return Future.succeededFuture(literals.stream().map(TableResolver::literal).toList());
    }

    static InetAddress literal(String ip) {
      try {
        return InetAddress.getByName(ip); // literals only: parsed, never looked up
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(ip, e);
      }
    }
  }

  private final TableResolver resolver =
      new TableResolver(
          Map.of(
              "public.example", List.of("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"),
              "split.example", List.of("93.184.215.14", "127.0.0.1"),
              "metadata.example", List.of("169.254.169.254"),
              "intranet.example", List.of("10.0.0.7"),
              "mapped.example", List.of("::ffff:a9fe:a9fe")));
  private final AddressGuard production = new AddressGuard(false, resolver);
  private final AddressGuard development = new AddressGuard(true, resolver);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/",
        "https://127.8.9.10:8443/x",
        "https://10.1.2.3/",
        "https://172.16.5.4/",
        "https://172.31.255.255/",
        "https://192.168.1.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://0.1.2.3/",
        "https://255.255.255.255/",
        "https://224.0.0.1/",
        "https://192.0.2.1/",
        "https://198.51.100.7/",
        "https://203.0.113.9/",
        "https://240.0.0.1/",
        "https://[::1]/",
        "https://[::]/",
        "https://[fe80::1]/",
        "https://[fc00::1]/",
        "https://[fd12:3456::1]/",
        "https://[ff02::1]/",
        "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:a9fe:a9fe]/",
        "https://[::ffff:10.0.0.1]/",
        "https://[64:ff9b::a9fe:a9fe]/",
        "https://[2002:7f00:1::1]/",
        "https://[2001:db8::1]/",
        "https://[::127.0.0.1]/",
        "https://[fe80::1%25eth0]/"
      })
  void refusesSpecialAddressesOutsideDevMode(String url) {
    assertThat(failure(production.check(URI.create(url))).reason())
        .isEqualTo(Reason.FORBIDDEN_ADDRESS);
    assertThat(resolver.lookups).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://2130706433/", "https://0x7f.1/", "https://0x7f000001/", "https://0177.0.0.1/",
        "https://127.1/", "https://017700000001/", "https://127.000.000.001/", "https://1.2.3.4.5/",
        "https://0x7f.0x0.0x0.0x1/", "https://127.0.0.1./"
      })
  void refusesOddIpLiteralsWithoutLookingThemUp(String url) {
    assertThat(failure(production.check(URI.create(url))).reason())
        .isEqualTo(Reason.FORBIDDEN_ADDRESS);
    assertThat(failure(development.check(URI.create(url))).reason())
        .isEqualTo(Reason.FORBIDDEN_ADDRESS);
    assertThat(resolver.lookups).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://split.example/",
        "https://metadata.example/",
        "https://intranet.example/",
        "https://mapped.example/"
      })
  void refusesNamesWhereAnyAddressIsForbidden(String url) {
    assertThat(failure(production.check(URI.create(url))).reason())
        .isEqualTo(Reason.FORBIDDEN_ADDRESS);
  }

  @Test
  void passesPublicNamesAndLiterals() {
    Vetted vetted = value(production.check(URI.create("https://public.example/actor?x=1#frag")));
    assertThat(vetted.host()).isEqualTo("public.example");
    assertThat(vetted.port()).isEqualTo(443);
    assertThat(vetted.tls()).isTrue();
    assertThat(vetted.addresses()).hasSize(2);
    assertThat(vetted.pathAndQuery()).isEqualTo("/actor?x=1");

    assertThat(value(production.check(URI.create("https://93.184.215.14:8443/"))).port())
        .isEqualTo(8443);
    assertThat(value(production.check(URI.create("https://[2606:4700::1111]/"))).addresses())
        .containsExactly(TableResolver.literal("2606:4700::1111"));
  }

  @Test
  void requestOptionsConnectToTheVettedAddressButKeepTheHostName() {
    Vetted vetted = value(production.check(URI.create("https://public.example:8443/inbox")));
    RequestOptions options = vetted.requestOptions(HttpMethod.POST);
    assertThat(options.getServer().toString()).contains("93.184.215.14").contains("8443");
    assertThat(options.getHost()).isEqualTo("public.example");
    assertThat(options.getPort()).isEqualTo(8443);
    assertThat(options.isSsl()).isTrue();
    assertThat(options.getURI()).isEqualTo("/inbox");
    assertThat(options.getFollowRedirects()).isFalse();
  }

  @Test
  void devModePermitsLoopbackOnly_notPrivateNetworks_linkLocalOrMetadata() {
    assertThat(value(development.check(URI.create("http://127.0.0.1:8080/"))).port())
        .isEqualTo(8080);
    assertThat(value(development.check(URI.create("http://[::1]:9/"))).port()).isEqualTo(9);
    // development mode is for nodes on one machine: a private network behind it stays out of reach
    for (String url :
        List.of(
            "http://intranet.example/",
            "http://10.0.0.7/",
            "http://172.16.0.1/",
            "http://172.31.255.254/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://[fd00::1]/",
            "http://[fc00::1]/",
            "http://[::ffff:10.0.0.1]/",
            "http://169.254.169.254/",
            "http://metadata.example/",
            "http://0.0.0.0/",
            "http://[fe80::1]/",
            "http://224.0.0.1/",
            "http://[::ffff:a9fe:a9fe]/")) {
      assertThat(failure(development.check(URI.create(url))).reason())
          .as(url)
          .isEqualTo(Reason.FORBIDDEN_ADDRESS);
    }
  }

  @Test
  void schemeMustBeHttpsOrDevModeHttp() {
    assertThat(failure(production.check(URI.create("http://public.example/"))).reason())
        .isEqualTo(Reason.BAD_SCHEME);
    for (String url :
        List.of(
            "ftp://public.example/",
            "file:///etc/passwd",
            "gopher://public.example/",
            "jar:https://public.example/x.jar!/")) {
      assertThat(failure(development.check(URI.create(url))).reason())
          .as(url)
          .isIn(Reason.BAD_SCHEME, Reason.MALFORMED);
    }
    assertThat(resolver.lookups).hasValue(0);
  }

  @Test
  void refusesUserInfoAndRelativeOrHostlessUrls() {
    for (String url :
        List.of(
            "https://public.example@127.0.0.1/",
            "https://user:pw@public.example/",
            "/relative/path",
            "https:///nohost",
            "https://ex_ample.com/")) {
      assertThat(failure(production.check(URI.create(url))).reason())
          .as(url)
          .isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void unresolvableNamesFailAsUnresolvable() {
    FetchException e = failure(production.check(URI.create("https://nowhere.example/")));
    assertThat(e.reason()).isEqualTo(Reason.UNRESOLVABLE);
    assertThat(e.retryable()).isTrue();
  }

  /**
   * How long a test waits for an outcome: generous, because the machine may be busy (the fetcher's
   * own time limits are what the tests check, never this one).
   */
  static final int OUTCOME_SECONDS = 60;

  static <T> T value(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(OUTCOME_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("expected success, got " + e, e);
    }
  }

  static FetchException failure(Future<?> future) {
    try {
      Object value =
          future.toCompletionStage().toCompletableFuture().get(OUTCOME_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a FetchException, got " + value);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(FetchException.class);
      return (FetchException) e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no outcome within " + OUTCOME_SECONDS + " s", e);
    }
  }
}
