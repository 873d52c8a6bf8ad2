/**
 * "Follow from your own server": finding where a visitor's own Fediverse server lets them follow an
 * account (WebFinger's OStatus subscribe template, FEP-3b86 intents), through the guarded fetcher.
 */
package org.madani.node.federation.remotefollow;
