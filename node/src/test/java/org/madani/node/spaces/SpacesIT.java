package org.madani.node.spaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.madani.node.TestNode;
import org.madani.node.federation.actor.PrivateKeyFiles;
import org.madani.node.federation.sig.HttpRequestView;
import org.madani.node.federation.sig.Rfc9421Signer;
import org.madani.node.federation.sig.SignatureAlgorithm;
import org.madani.node.federation.sig.SigningKey;

/**
 * Four real nodes on loopback with real H2 files: A owns a space and invites B and C; D is a
 * follower of A but no member. All three members post and read; C is removed and A and B go on in a
 * new epoch that C cannot open, while C's copies of the old posts stay readable. At the end every
 * node is stopped and its H2 file searched byte by byte for the plaintexts: none holds one (posts
 * are stored sealed), D holds nothing of the space at all, and the searched bytes do contain D's
 * own organization name (the search can find what is there). Each node's public base URL is a
 * recording TCP relay, so all federation traffic to it is kept and searched the same way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpacesIT {

  @TempDir static Path dir;
  static TestNode a;
  static TestNode b;
  static TestNode c;
  static TestNode d;
  static final Map<String, RecordingProxy> WIRE = new java.util.HashMap<>();

  static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  static final String SECRET_A1 = "خطة سرية للمشروع المشترك " + RUN + " A1";
  static final String SECRET_B1 = "Partner names, not to be exposed " + RUN + " B1";
  static final String SECRET_C1 = "ملاحظات المنظمة الثالثة " + RUN + " C1";
  static final String SECRET_A2 = "After C left: new budget " + RUN + " A2";
  static final String SECRET_B2 = "رد بعد خروج العضو " + RUN + " B2";
  static final String SECRET_REFUSED = "This must never be stored " + RUN + " X";
  static final byte[] FILE =
      ("%PDF-1.4 confidential partner list " + RUN + " FILE").getBytes(StandardCharsets.UTF_8);
  static final String FILE_B64 = java.util.Base64.getEncoder().encodeToString(FILE);
  static final List<String> SECRETS =
      List.of(SECRET_A1, SECRET_B1, SECRET_C1, SECRET_A2, SECRET_B2, SECRET_REFUSED, FILE_B64);

  @BeforeAll
  static void start() throws Exception {
    a = behindProxy("a", "sawa");
    b = behindProxy("b", "nour");
    c = behindProxy("c", "amal");
    d = behindProxy("d", "dalia");
    // D follows A, so A's ordinary deliveries reach D: D is a real peer, just not a member.
    assertThat(
            d.api(
                    "POST",
                    "/api/v1/organizations/dalia/following",
                    "{\"actor\":\"" + actor(a) + "\"}")
                .statusCode())
        .isBetween(200, 202);
  }

  /**
   * A node whose public base URL is a recording relay: every federation request to it crosses the
   * relay.
   */
  static TestNode behindProxy(String name, String handle) throws Exception {
    RecordingProxy proxy = new RecordingProxy();
    TestNode n = TestNode.start(dir.resolve(name), handle, false, true, proxy.base());
    proxy.forwardTo(n.node().port());
    WIRE.put(handle, proxy);
    return n;
  }

  @AfterAll
  static void stop() throws Exception {
    for (TestNode n : new TestNode[] {a, b, c, d}) {
      if (n != null) n.close();
    }
    for (RecordingProxy p : WIRE.values()) p.close();
  }

  static String actor(TestNode n) {
    return n.base() + "/orgs/" + n.handle();
  }

  static String spaces(TestNode n) {
    return "/api/v1/organizations/" + n.handle() + "/spaces";
  }

  static JsonNode call(TestNode n, String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> r = n.api(method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    return TestNode.json(r);
  }

  static String body(String... kv) {
    ObjectNode o = TestNode.JSON.createObjectNode();
    for (int i = 0; i < kv.length; i += 2) o.put(kv[i], kv[i + 1]);
    return o.toString();
  }

  static JsonNode space(TestNode n, String ref) throws Exception {
    return TestNode.json(n.api("GET", spaces(n) + "/" + ref, null));
  }

  static JsonNode posts(TestNode n, String ref) throws Exception {
    return call(n, "GET", spaces(n) + "/" + ref + "/posts", null, 200).path("items");
  }

  static List<String> readable(TestNode n, String ref) throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode p : posts(n, ref))
      if (p.path("readable").asBoolean()) out.add(p.path("content").asText());
    return out;
  }

  static long activeMembers(TestNode n, String ref) throws Exception {
    long count = 0;
    for (JsonNode m : space(n, ref).path("members"))
      if ("active".equals(m.path("state").asText())) count++;
    return count;
  }

  /**
   * A creates a space and B (and C, when given) join it; returns the ref, once every member holds
   * epoch 1.
   */
  static String spaceWith(String name, TestNode... invitees) throws Exception {
    String ref =
        call(a, "POST", spaces(a), body("name", name, "purpose", "مشروع مشترك"), 201)
            .path("ref")
            .asText();
    for (TestNode n : invitees)
      call(a, "POST", spaces(a) + "/" + ref + "/invitations", body("actor", actor(n)), 200);
    for (TestNode n : invitees) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> "invited".equals(space(n, ref).path("role").asText()));
      call(n, "POST", spaces(n) + "/" + ref + "/accept", null, 200);
    }
    for (TestNode n : invitees) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  space(n, ref).path("epoch").asInt() == 1
                      && activeMembers(n, ref) == invitees.length + 1);
    }
    return ref;
  }

  static void post(TestNode n, String ref, String content) throws Exception {
    call(n, "POST", spaces(n) + "/" + ref + "/posts", body("content", content), 201);
  }

  /**
   * The latest activity of {@code type} in {@code n}'s outbox, exactly as it was signed and sent.
   */
  static ObjectNode sent(TestNode n, String type) throws Exception {
    try (var conn =
            DriverManager.getConnection(
                "jdbc:h2:file:" + n.node().config().databaseFile().toAbsolutePath(), "madani", "");
        var ps =
            conn.prepareStatement(
                "SELECT document FROM outbox WHERE type = ? ORDER BY seq DESC LIMIT 1")) {
      ps.setString(1, type);
      try (var rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return (ObjectNode) TestNode.JSON.readTree(rs.getString(1));
      }
    }
  }

  /**
   * POSTs {@code activity} to {@code target}'s organization inbox, signed (RFC 9421) with {@code
   * from}'s own Ed25519 key file.
   */
  static int deliverAs(TestNode from, TestNode target, ObjectNode activity) throws Exception {
    Path keyFile = from.node().config().keysDir().resolve(from.handle() + "-ed25519-1.pem");
    SigningKey key =
        new SigningKey(
            actor(from) + "#ed25519-1",
            SignatureAlgorithm.ED25519,
            PrivateKeyFiles.PLAIN.read(keyFile));
    URI inbox = URI.create(actor(target) + "/inbox");
    HttpRequestView signed =
        new Rfc9421Signer(key, Clock.systemUTC())
            .signRequest(
                HttpRequestView.of(
                    "POST",
                    inbox,
                    Map.of(
                        "host",
                        inbox.getRawAuthority(),
                        "content-type",
                        "application/activity+json"),
                    activity.toString().getBytes(StandardCharsets.UTF_8)));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(inbox); // through the target's relay, as a peer would
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> req.header(name, v));
            });
    return target
        .send(req.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body())).build())
        .statusCode();
  }

  static void awaitHandled(TestNode n, String activityId) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                n.count(
                        "SELECT COUNT(*) FROM inbox WHERE state = 'done' AND activity_id = '"
                            + activityId
                            + "'")
                    == 1);
  }

  static ObjectNode resent(ObjectNode activity, TestNode from) {
    ObjectNode copy = activity.deepCopy();
    copy.remove("proof");
    copy.put("id", actor(from) + "/activities/" + UUID.randomUUID());
    return copy;
  }

  @Test
  @Order(1)
  void tamperedReplayedAndReattributedPosts_areRefused() throws Exception {
    String ref = spaceWith("refusals " + RUN, b);
    post(b, ref, "genuine " + RUN);
    await().atMost(Duration.ofSeconds(60)).until(() -> readable(a, ref).contains("genuine " + RUN));
    ObjectNode original = sent(b, "SpacePost");
    long before = a.count("SELECT COUNT(*) FROM space_post");

    // tampered: one ciphertext byte changed, sent by its real author
    ObjectNode tampered = resent(original, b);
    ObjectNode env = (ObjectNode) tampered.get("object");
    byte[] ct = SpaceKeys.decode(env.get("ciphertext").asText());
    ct[0] ^= 1;
    env.put("ciphertext", SpaceKeys.encode(ct));
    env.put("id", actor(b) + "/spaces/posts/" + UUID.randomUUID());
    // replayed: the same sealed post under a fresh post id (the signature binds the id)
    ObjectNode replayed = resent(original, b);
    ((ObjectNode) replayed.get("object"))
        .put("id", actor(b) + "/spaces/posts/" + UUID.randomUUID());
    // replayed as it was: same post id again
    ObjectNode again = resent(original, b);
    // re-attributed: B's post claimed by D (a non-member) as its own, and by B as A's
    ObjectNode byD = resent(original, d);
    byD.put("actor", actor(d));
    ((ObjectNode) byD.get("object")).put("attributedTo", actor(d));
    ObjectNode asA = resent(original, b);
    ((ObjectNode) asA.get("object")).put("attributedTo", actor(a));

    for (ObjectNode bad : List.of(tampered, replayed, again, asA)) {
      assertThat(deliverAs(b, a, bad)).isEqualTo(202);
      awaitHandled(a, bad.get("id").asText());
    }
    assertThat(deliverAs(d, a, byD)).isEqualTo(202);
    awaitHandled(a, byD.get("id").asText());
    assertThat(a.count("SELECT COUNT(*) FROM space_post")).isEqualTo(before);
    assertThat(posts(a, ref)).hasSize(1);

    // C is invited and declines; B leaves: a new epoch begins without B
    call(a, "POST", spaces(a) + "/" + ref + "/invitations", body("actor", actor(c)), 200);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "invited".equals(space(c, ref).path("role").asText()));
    call(c, "POST", spaces(c) + "/" + ref + "/decline", null, 200);
    call(b, "POST", spaces(b) + "/" + ref + "/leave", null, 200);
    await().atMost(Duration.ofSeconds(60)).until(() -> space(a, ref).path("epoch").asInt() == 2);
    assertThat(stateOf(a, ref, actor(b))).isEqualTo("left");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "declined".equals(stateOf(a, ref, actor(c))));
    // the owner cannot leave; B, having left, can no longer post
    assertThat(a.api("POST", spaces(a) + "/" + ref + "/leave", null).statusCode()).isEqualTo(422);
    assertThat(b.api("POST", spaces(b) + "/" + ref + "/posts", body("content", "x")).statusCode())
        .isEqualTo(403);
  }

  static String stateOf(TestNode n, String ref, String member) throws Exception {
    for (JsonNode m : space(n, ref).path("members"))
      if (m.path("actor").asText().equals(member)) return m.path("state").asText();
    return null;
  }

  /** A GET signed (RFC 9421) with {@code from}'s key file, sent through the target's relay. */
  static int signedGet(TestNode from, URI url) throws Exception {
    Path keyFile = from.node().config().keysDir().resolve(from.handle() + "-ed25519-1.pem");
    SigningKey key =
        new SigningKey(
            actor(from) + "#ed25519-1",
            SignatureAlgorithm.ED25519,
            PrivateKeyFiles.PLAIN.read(keyFile));
    HttpRequestView signed =
        new Rfc9421Signer(key, Clock.systemUTC())
            .signRequest(
                HttpRequestView.of(
                    "GET",
                    url,
                    Map.of("host", url.getRawAuthority(), "accept", "application/activity+json"),
                    new byte[0]));
    HttpRequest.Builder req = HttpRequest.newBuilder(url);
    signed
        .headers()
        .forEach(
            (name, values) -> {
              if (!List.of("host", "content-length").contains(name))
                values.forEach(v -> req.header(name, v));
            });
    return from.send(req.GET().build()).statusCode();
  }

  @Test
  @Order(2)
  void aMemberThatMissedAPost_catchesUpFromTheOwner_andNobodyElseIsServed() throws Exception {
    String ref = spaceWith("catch-up " + RUN, b, c);
    post(a, ref, "missed by B " + RUN.toUpperCase());
    for (TestNode n : List.of(b, c)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> readable(n, ref).contains("missed by B " + RUN.toUpperCase()));
    }
    String postId = posts(b, ref).get(0).path("id").asText();
    // B's node lost it (a delivery given up on, a restore from an older backup)
    try (var conn =
            DriverManager.getConnection(
                "jdbc:h2:file:" + b.node().config().databaseFile().toAbsolutePath(), "madani", "");
        var ps = conn.prepareStatement("DELETE FROM space_post WHERE post_id = ?")) {
      ps.setString(1, postId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(posts(b, ref)).isEmpty();
    assertThat(
            call(b, "POST", spaces(b) + "/" + ref + "/catch-up", null, 200).path("added").asInt())
        .isEqualTo(1);
    assertThat(readable(b, ref)).containsExactly("missed by B " + RUN.toUpperCase());
    // again: nothing new
    assertThat(
            call(b, "POST", spaces(b) + "/" + ref + "/catch-up", null, 200).path("added").asInt())
        .isZero();

    URI source = URI.create(space(a, ref).path("id").asText() + "/posts?after=0");
    assertThat(signedGet(b, source)).isEqualTo(200);
    assertThat(signedGet(d, source)).as("a non-member").isEqualTo(404);
    assertThat(a.send(HttpRequest.newBuilder(source).GET().build()).statusCode())
        .as("unsigned")
        .isEqualTo(404);
    call(a, "DELETE", spaces(a) + "/" + ref + "/members?actor=" + actor(c), null, 200);
    assertThat(signedGet(c, source)).as("a removed member").isEqualTo(404);
  }

  @Test
  @Order(3)
  void membersTalk_removedMemberAndNonMemberHoldOnlyCiphertext() throws Exception {
    String ref = spaceWith("مساحة المشروع " + RUN, b, c);
    post(a, ref, SECRET_A1);
    ObjectNode withFile = TestNode.JSON.createObjectNode().put("content", SECRET_B1);
    withFile
        .putArray("attachments")
        .addObject()
        .put("name", "partners.pdf")
        .put("mediaType", "application/pdf")
        .put("data", FILE_B64);
    call(b, "POST", spaces(b) + "/" + ref + "/posts", withFile.toString(), 201);
    post(c, ref, SECRET_C1);
    for (TestNode n : List.of(a, b, c)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> readable(n, ref).containsAll(List.of(SECRET_A1, SECRET_B1, SECRET_C1)));
      JsonNode file = null;
      for (JsonNode p : posts(n, ref))
        if (p.has("attachments")) file = p.path("attachments").get(0);
      assertThat(file).as(n.handle() + " opened B's file").isNotNull();
      assertThat(java.util.Base64.getDecoder().decode(file.path("data").asText())).isEqualTo(FILE);
      assertThat(file.path("name").asText()).isEqualTo("partners.pdf");
    }
    // a post too large for the inbox is refused before anything is stored or sent
    ObjectNode huge = TestNode.JSON.createObjectNode().put("content", "x");
    huge.putArray("attachments")
        .addObject()
        .put("name", "big.bin")
        .put("mediaType", "application/octet-stream")
        .put("data", java.util.Base64.getEncoder().encodeToString(new byte[200 * 1024]));
    HttpResponse<String> tooLarge =
        a.api("POST", spaces(a) + "/" + ref + "/posts", huge.toString());
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");

    // C is removed: a new epoch, wrapped for A and B only
    JsonNode after =
        call(a, "DELETE", spaces(a) + "/" + ref + "/members?actor=" + actor(c), null, 200);
    assertThat(after.path("epoch").asInt()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> space(b, ref).path("epoch").asInt() == 2 && activeMembers(b, ref) == 2);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "removed".equals(space(c, ref).path("role").asText()));
    post(a, ref, SECRET_A2);
    post(b, ref, SECRET_B2);
    for (TestNode n : List.of(a, b)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> readable(n, ref).containsAll(List.of(SECRET_A2, SECRET_B2)));
    }
    assertThat(space(c, ref).path("epoch").asInt()).isEqualTo(1);

    // C's node is handed the epoch-2 post anyway (as a relay or catch-up could): it keeps the
    // ciphertext, cannot open it
    ObjectNode epoch2 = resent(sent(a, "SpacePost"), a);
    assertThat(deliverAs(a, c, epoch2)).isEqualTo(202);
    String postId = epoch2.path("object").path("id").asText();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              for (JsonNode p : posts(c, ref))
                if (p.path("id").asText().equals(postId)) return true;
              return false;
            });
    for (JsonNode p : posts(c, ref)) {
      if (p.path("id").asText().equals(postId)) {
        assertThat(p.path("readable").asBoolean()).isFalse();
        assertThat(p.has("content")).isFalse();
        assertThat(p.path("epoch").asInt()).isEqualTo(2);
      }
    }
    // C's copies of the old posts remain as they were
    assertThat(readable(c, ref)).containsExactlyInAnyOrder(SECRET_A1, SECRET_B1, SECRET_C1);
    // D, a follower of A, received none of it and knows of no space
    assertThat(d.count("SELECT COUNT(*) FROM inbox WHERE type LIKE 'Space%'")).isZero();
    assertThat(d.count("SELECT COUNT(*) FROM space")).isZero();
    assertThat(TestNode.json(d.api("GET", spaces(d), null)).path("items")).isEmpty();
    // what crossed the network (every queued delivery body and outbox document) is ciphertext
    for (TestNode n : List.of(a, b, c)) {
      for (String s : SECRETS) {
        assertThat(n.count("SELECT COUNT(*) FROM outbox WHERE document LIKE '%" + s + "%'"))
            .isZero();
        assertThat(n.count("SELECT COUNT(*) FROM inbox WHERE document LIKE '%" + s + "%'"))
            .isZero();
      }
    }

    // On the wire: every byte that crossed each node's relay (all federation traffic to it)
    String spaceId = space(a, ref).path("id").asText();
    for (String handle : List.of("sawa", "nour", "amal")) {
      byte[] wire = WIRE.get(handle).bytes();
      assertThat(indexOf(wire, "\"SpacePost\"".getBytes(StandardCharsets.UTF_8)))
          .as("control: " + handle + "'s relay carried posts")
          .isGreaterThanOrEqualTo(0);
      for (String s : SECRETS) {
        assertThat(indexOf(wire, s.getBytes(StandardCharsets.UTF_8)))
            .as(handle + "'s traffic holds " + s)
            .isEqualTo(-1);
      }
      assertThat(indexOf(wire, (RUN + " ").getBytes(StandardCharsets.UTF_8)))
          .as(handle + "'s traffic")
          .isEqualTo(-1);
    }
    byte[] toD = WIRE.get("dalia").bytes();
    assertThat(indexOf(toD, "\"Accept\"".getBytes(StandardCharsets.UTF_8)))
        .as("control: D's relay carried A's Accept")
        .isGreaterThanOrEqualTo(0);
    assertThat(indexOf(toD, spaceId.getBytes(StandardCharsets.UTF_8)))
        .as("D's traffic names the space")
        .isEqualTo(-1);
    assertThat(indexOf(toD, "\"Space".getBytes(StandardCharsets.UTF_8)))
        .as("D's traffic")
        .isEqualTo(-1);

    // Every space activity the members' nodes emitted matches
    // protocol-spec/schemas/space-activity.schema.json
    int checked = 0;
    for (TestNode n : List.of(a, b, c)) {
      for (String doc : emitted(n)) {
        var result = SPACE_SCHEMA.validate(new io.vertx.core.json.JsonObject(doc));
        assertThat(result.getValid()).as(n.handle() + " emitted " + doc + ": " + result).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(20);
    ObjectNode publicPost = sent(a, "SpacePost");
    publicPost.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
    assertThat(
            SPACE_SCHEMA
                .validate(new io.vertx.core.json.JsonObject(publicPost.toString()))
                .getValid())
        .as("control: a public space post is not valid")
        .isFalse();

    // At rest: stop every node and search its H2 file's bytes.
    for (TestNode n : List.of(a, b, c, d)) n.stop();
    byte[] dFile = Files.readAllBytes(Path.of(d.node() == null ? dbFile(d) : dbFile(d)));
    assertThat(indexOf(dFile, "Organization dalia".getBytes(StandardCharsets.UTF_8)))
        .as("control: the search finds what is there")
        .isGreaterThanOrEqualTo(0);
    for (TestNode n : List.of(a, b, c, d)) {
      byte[] file = Files.readAllBytes(Path.of(dbFile(n)));
      for (String s : SECRETS) {
        assertThat(indexOf(file, s.getBytes(StandardCharsets.UTF_8)))
            .as(n.handle() + " holds " + s)
            .isEqualTo(-1);
        assertThat(indexOf(file, (RUN + " ").getBytes(StandardCharsets.UTF_8)))
            .as(n.handle() + " holds a marker")
            .isEqualTo(-1);
        assertThat(indexOf(file, FILE)).as(n.handle() + " holds the file").isEqualTo(-1);
      }
    }
  }

  static final io.vertx.json.schema.Validator SPACE_SCHEMA = spaceSchema();

  static io.vertx.json.schema.Validator spaceSchema() {
    try (var in =
        SpacesIT.class.getResourceAsStream("/protocol-spec/schemas/space-activity.schema.json")) {
      return io.vertx.json.schema.Validator.create(
          io.vertx.json.schema.JsonSchema.of(
              new io.vertx.core.json.JsonObject(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8))),
          new io.vertx.json.schema.JsonSchemaOptions()
              .setDraft(io.vertx.json.schema.Draft.DRAFT202012)
              .setBaseUri("https://madani.network/schemas/")
              .setOutputFormat(io.vertx.json.schema.OutputFormat.Basic));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every space activity in {@code n}'s outbox, as signed and sent. */
  static List<String> emitted(TestNode n) throws Exception {
    List<String> out = new ArrayList<>();
    try (var conn =
            DriverManager.getConnection(
                "jdbc:h2:file:" + n.node().config().databaseFile().toAbsolutePath(), "madani", "");
        var rs =
            conn.createStatement()
                .executeQuery(
                    "SELECT document FROM outbox WHERE type LIKE 'Space%' ORDER BY seq")) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  static String dbFile(TestNode n) {
    return dir.resolve(
            n.handle().equals("sawa")
                ? "a"
                : n.handle().equals("nour") ? "b" : n.handle().equals("amal") ? "c" : "d")
        .resolve("madani.mv.db")
        .toString();
  }

  static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
