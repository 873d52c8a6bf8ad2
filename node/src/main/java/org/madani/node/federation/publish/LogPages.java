package org.madani.node.federation.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.wire.MirrorIndex;
import org.madani.node.federation.wire.OrderedCollectionPage;
import org.madani.node.model.Organization;
import org.madani.node.model.Problem;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.MirrorRepository;
import org.madani.node.store.OrganizationRepository;
import org.madani.node.store.OutboxRepository;

/**
 * Logs for peers catching up: an organization's public content activities in sequence order,
 * exactly as signed, and the copies this node keeps of other organizations' logs (mirrors), served
 * while their origin is away. Pages of {@value #LOG_PAGE} items after a sequence number. Each
 * method runs one transaction on the database's workers; thread-safe.
 */
public final class LogPages {

  /**
   * Items per log page: large pages make catch-up of thousands of items a few requests (issue 13).
   */
  public static final int LOG_PAGE = 500;

  private final Database db;
  private final OrganizationRepository orgs;
  private final OutboxRepository outbox;
  private final MirrorRepository mirrors;
  private final LocalActors actors;
  private final ObjectMapper json;
  private final Urls urls;

  public LogPages(
      Database db,
      OrganizationRepository orgs,
      OutboxRepository outbox,
      MirrorRepository mirrors,
      LocalActors actors,
      ObjectMapper json,
      Urls urls) {
    this.db = db;
    this.orgs = orgs;
    this.outbox = outbox;
    this.mirrors = mirrors;
    this.actors = actors;
    this.json = json;
    this.urls = urls;
  }

  /**
   * The page of {@code handle}'s log after sequence number {@code after}, as the UTF-8 JSON to
   * send.
   */
  public Future<Buffer> log(String handle, long after) {
    return db.tx(
        c -> {
          Organization org =
              orgs.findByHandle(c, handle).orElseThrow(() -> Problem.notFound("No such actor."));
          var rows = outbox.logAfter(c, org.id(), after, LOG_PAGE);
          List<String> docs = rows.stream().map(OutboxRepository.OutboxRow::document).toList();
          long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).seq();
          return page(actors.actorId(handle) + "/log", after, docs, last, rows.size() == LOG_PAGE);
        });
  }

  /**
   * The page of the mirror kept of {@code origin}'s log after {@code after}, as the UTF-8 JSON to
   * send; 404 when none is kept.
   */
  public Future<Buffer> mirrorLog(String origin, long after) {
    return db.tx(
        c -> {
          var items = mirrors.after(c, origin, after, LOG_PAGE);
          if (items.isEmpty() && mirrors.latest(c, origin) == 0)
            throw Problem.notFound("No mirror of that actor here.");
          List<String> docs = items.stream().map(MirrorRepository.MirrorItem::document).toList();
          long last = items.isEmpty() ? after : items.get(items.size() - 1).sequence();
          return page(mirrorLogUrl(origin), after, docs, last, items.size() == LOG_PAGE);
        });
  }

  /** Every origin mirrored here, with its latest sequence number and where its log is read. */
  public Future<ObjectNode> mirrorIndex() {
    return db.tx(
        c -> {
          List<MirrorIndex.Mirror> out = new ArrayList<>();
          for (var s : mirrors.origins(c)) {
            out.add(
                new MirrorIndex.Mirror(
                    s.originActor(),
                    mirrors.latest(c, s.originActor()),
                    mirrorLogUrl(s.originActor())));
          }
          return json.valueToTree(new MirrorIndex(out));
        });
  }

  private String mirrorLogUrl(String origin) {
    return urls.root() + "/mirror/log?actor=" + URLEncoder.encode(origin, StandardCharsets.UTF_8);
  }

  /**
   * The page as bytes: the frame from the wire record, each item spliced in as the text it was
   * stored as (the JSON this node signed, or kept after verifying). Parsing 500 stored items into
   * trees only to write them out again cost a serving node more than reading them (issue 13). Each
   * item is encoded once, straight into the one buffer sent: a page is several MB, and building it
   * as text first, then a string, then bytes, then a buffer made four copies of it.
   */
  private Buffer page(String base, long after, List<String> docs, long last, boolean more) {
    String sep = base.contains("?") ? "&" : "?";
    String frame;
    try {
      frame =
          json.writeValueAsString(
              OrderedCollectionPage.of(
                  base + sep + "after=" + after,
                  base,
                  List.of(),
                  more ? base + sep + "after=" + last : null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    // The key's quotes are bare only where it is a key: inside a string value they are escaped.
    int at = frame.indexOf(ITEMS);
    if (at < 0) throw new IllegalStateException("page frame without orderedItems: " + frame);
    byte[] head = frame.substring(0, at + ITEMS.length() - 1).getBytes(StandardCharsets.UTF_8);
    byte[] tail = frame.substring(at + ITEMS.length() - 1).getBytes(StandardCharsets.UTF_8);
    List<byte[]> items = new ArrayList<>(docs.size());
    int size = head.length + tail.length + docs.size();
    for (String d : docs) {
      byte[] item = d.getBytes(StandardCharsets.UTF_8);
      items.add(item);
      size += item.length;
    }
    Buffer out = Buffer.buffer(size).appendBytes(head);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) out.appendByte((byte) ',');
      out.appendBytes(items.get(i));
    }
    return out.appendBytes(tail);
  }

  private static final String ITEMS = "\"orderedItems\":[]";
}
