/** Text helpers shared by pages and federation: HTML escaping. Imports nothing of ours. */
package org.madani.node.text;
