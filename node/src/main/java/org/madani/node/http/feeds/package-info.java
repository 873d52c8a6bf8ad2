/**
 * Feeds for people who run no node: Atom (RFC 4287), JSON Feed 1.1 and iCalendar (RFC 5545) built
 * from directory entries. Writers are pure (no I/O, no Vert.x): a {@link FeedDocument} in, bytes
 * out. Public entries only ever get here; the routes make sure of that.
 */
package org.madani.node.http.feeds;
