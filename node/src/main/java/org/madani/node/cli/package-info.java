/**
 * The command line (picocli): {@code init}, {@code serve}, {@code token}, {@code add-org}, {@code
 * backup}, {@code restore} and key rotation, each a thin command over the node's services ({@code
 * setup.OfflineNode} when the node is stopped, its admin API when it runs).
 */
package org.madani.node.cli;
