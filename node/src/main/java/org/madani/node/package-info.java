/**
 * The node as a whole: {@code Main} (the command line) and {@code MadaniNode}, the composition root
 * that builds every part from the configuration and wires them through constructors. No static
 * state: several nodes run side by side in one JVM (the federation tests rely on it).
 */
package org.madani.node;
