/**
 * Persistence: the H2 {@link org.madani.node.store.Database} (transactions off the event loop,
 * Flyway migrations in {@code db/migration}) and one repository per aggregate. SQL stays here.
 * Imports only {@code model}.
 */
package org.madani.node.store;
