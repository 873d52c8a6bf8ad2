/**
 * The inbox: {@code InboxService} verifies the signature, checks that key owner, actor and origin
 * agree, drops repeats by activity id and stores the activity durably before the 202; {@code
 * InboxProcessor} then hands each stored activity to the one handler for its type ({@code
 * FollowHandler}, {@code CreateObjectHandler}, ...). Embedded objects from another origin are never
 * trusted as they are.
 */
package org.madani.node.federation.inbox;
