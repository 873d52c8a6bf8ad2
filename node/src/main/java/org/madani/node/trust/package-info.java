/** Keys of hosted organizations; later: follows, trust levels, blocks and key rotation. */
package org.madani.node.trust;
