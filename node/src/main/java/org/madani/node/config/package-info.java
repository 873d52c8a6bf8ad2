/**
 * The node's settings as records ({@code NodeConfig}): defaults, then {@code node.json}, then
 * environment variables and flags, validated once at start. Secrets (passphrases) are read from a
 * file or the environment here and nowhere else. Depends on nothing of ours.
 */
package org.madani.node.config;
