/** Setting up a data directory from the command line: organizations, keys, admins, examples. */
package org.madani.node.setup;
