/**
 * Collaboration across nodes (issue 16, protocol-spec/collab.md): invitations to events and their
 * answers, Mobilizon-style participation (Join/Leave), wired by {@link
 * org.madani.node.collab.CollabModule}. Sub-packages: {@code invite} (services and inbox handlers),
 * {@code store} (SQL), {@code http} (routes).
 */
package org.madani.node.collab;
