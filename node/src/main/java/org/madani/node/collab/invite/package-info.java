/**
 * Invitations to events (Invite answered by Accept, Reject or TentativeAccept) and participation
 * (Join/Leave answered by Accept/Reject by join mode and capacity): services and inbox handlers.
 */
package org.madani.node.collab.invite;
