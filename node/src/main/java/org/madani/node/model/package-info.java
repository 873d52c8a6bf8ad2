/** Domain records shared across areas. Imports nothing else of ours. */
package org.madani.node.model;
