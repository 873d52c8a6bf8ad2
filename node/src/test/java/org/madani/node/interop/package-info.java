/**
 * Interop tests against real third-party Fediverse software (Fedify from npm) and captured JSON.
 */
package org.madani.node.interop;
