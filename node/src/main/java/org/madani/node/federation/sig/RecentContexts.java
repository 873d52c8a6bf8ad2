package org.madani.node.federation.sig;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What was derived from the JSON-LD {@code @context}s met last on this thread ({@value #KEPT} of
 * them), reused for a context equal to one of them. Madani's signed documents carry ~4 KB contexts
 * (its inline terms), each twice (the document's and its proof's), and a page of log items or a
 * burst of activities is hundreds of documents with the same few contexts: comparing a context with
 * those met before costs a fraction of canonicalizing it again (issue 13). Equal trees (Jackson's
 * {@code equals}: same node types, same values, members in any order) give the same canonical form.
 * A copy of each context is kept, so later changes to the caller's tree cannot make it stale; only
 * contexts whose derived value weighs at most {@link #MAX_CHARS} (characters canonicalized) are
 * kept, so a hostile document's huge context is not held by every thread.
 *
 * <p>Thread-safety: each thread keeps its own (the crypto and database workers).
 *
 * @param <V> what is derived
 */
public final class RecentContexts<V> {

  /** The heaviest value kept (see above). */
  static final int MAX_CHARS = 64 * 1024;

  /**
   * Contexts kept per thread: an activity and the object it embeds may carry different ones (an
   * activity names the key vocabularies, an entry does not), met in turn item after item.
   */
  static final int KEPT = 4;

  private record Known<V>(JsonNode context, V value) {}

  /** The contexts met last on this thread, the newest first. */
  private final ThreadLocal<ArrayDeque<Known<V>>> last =
      ThreadLocal.withInitial(() -> new ArrayDeque<>(KEPT));

  private final Function<JsonNode, V> derive;
  private final ToIntFunction<V> weight;

  /**
   * @param derive what is derived from a context
   * @param weight how many characters a derived value stood for (a large one is not kept)
   */
  public RecentContexts(Function<JsonNode, V> derive, ToIntFunction<V> weight) {
    this.derive = derive;
    this.weight = weight;
  }

  /** {@code derive(context)}, or what it gave for an equal context lately on this thread. */
  public V of(JsonNode context) {
    ArrayDeque<Known<V>> known = last.get();
    for (Known<V> k : known) {
      if (k.context().equals(context)) return k.value();
    }
    V value = derive.apply(context);
    if (weight.applyAsInt(value) <= MAX_CHARS) {
      if (known.size() == KEPT) known.removeLast();
      known.addFirst(new Known<>(context.deepCopy(), value));
    }
    return value;
  }
}
