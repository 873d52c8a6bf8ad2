/**
 * The HTTP side of the composition root: the routes of each area built from the service modules in
 * {@code setup}, and the server that mounts them in one order. Only {@code MadaniNode} uses it.
 */
package org.madani.node.setup.web;
