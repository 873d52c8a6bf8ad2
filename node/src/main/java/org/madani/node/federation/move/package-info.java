/**
 * Moving an organization to another node (issue 15 item 5): an export of everything the
 * organization is (profile, entries, its numbered log, who follows it and whom it follows, its
 * public keys), its import on the new node under a new actor that names the old one in {@code
 * alsoKnownAs}, and the ActivityPub {@code Move} the old actor announces to its followers, after
 * which Madani, Mastodon and Fedify followers follow the new actor. The receiving side (a node that
 * follows a moved organization) is {@code federation.inbox.MoveHandler}.
 */
package org.madani.node.federation.move;
