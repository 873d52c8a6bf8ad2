package org.madani.node.http.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madani.node.model.DirectoryEntry;

/**
 * One feed, whatever its format.
 *
 * @param selfUrl the feed's own URL (also its Atom id: stable for the same filter)
 * @param htmlUrl the page showing the same entries
 * @param title language map ({@code ar}, {@code en})
 * @param author who the feed is by: the organization for its own feed, else the node
 * @param authorUri the organization's actor id, or the node's base URL
 * @param updated the latest change among the items, or when the feed was made if it has none
 */
public record FeedDocument(
    String selfUrl,
    String htmlUrl,
    Map<String, String> title,
    Map<String, String> author,
    String authorUri,
    Instant updated,
    List<DirectoryEntry> items) {
  public FeedDocument {
    Objects.requireNonNull(selfUrl, "selfUrl");
    Objects.requireNonNull(htmlUrl, "htmlUrl");
    Objects.requireNonNull(updated, "updated");
    title = Map.copyOf(title);
    author = Map.copyOf(author);
    items = List.copyOf(items);
  }
}
