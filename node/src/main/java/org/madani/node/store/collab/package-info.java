/**
 * SQL of the collaboration features: one repository per table group, records in and out, stateless.
 */
package org.madani.node.store.collab;
