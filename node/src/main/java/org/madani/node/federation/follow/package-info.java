/**
 * Following other actors and being followed: the admin's follow, unfollow and approval of follow
 * requests ({@code FollowService}), resolving {@code name@host} through WebFinger. Incoming Follow,
 * Accept and Undo activities are handled in {@code federation.inbox}.
 */
package org.madani.node.federation.follow;
