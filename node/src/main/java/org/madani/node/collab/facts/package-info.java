/**
 * Verified facts (protocol-spec/collab.md §6): signed, revocable attestations of what an
 * organization checked about another's entry or profile, counted only where the viewing node trusts
 * the attester; corrections and retractions published as an Update of the entry; disputes sent as a
 * Flag.
 */
package org.madani.node.collab.facts;
