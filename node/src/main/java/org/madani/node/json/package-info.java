/** Bounded JSON parsing of untrusted input (depth, lengths, duplicate keys). Imports only model. */
package org.madani.node.json;
