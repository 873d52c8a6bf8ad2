package org.madani.node.collab.invite;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.madani.node.account.AuditLog;
import org.madani.node.federation.actor.LocalActors;
import org.madani.node.federation.actor.RemoteActors;
import org.madani.node.federation.outbox.EntryObjects;
import org.madani.node.federation.outbox.Outbox;
import org.madani.node.model.Urls;
import org.madani.node.store.Database;
import org.madani.node.store.EntryRepository;
import org.madani.node.store.OrganizationRepository;

/**
 * What the invitation and participation classes use from the rest of the node, named once so that
 * the composition root passes one value (and the {@code layers} restructuring moves one line).
 */
public record CollabDeps(
    Database db,
    ObjectMapper json,
    Clock clock,
    OrganizationRepository orgs,
    EntryRepository entries,
    LocalActors localActors,
    RemoteActors remoteActors,
    Outbox outbox,
    EntryObjects entryObjects,
    Urls urls,
    AuditLog audit) {}
