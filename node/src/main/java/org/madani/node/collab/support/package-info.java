/**
 * Supporters (issue 16 item 5): funders, partner institutions abroad and other supporting entities
 * as an organization's own records, linked to its projects and shown on their public pages.
 */
package org.madani.node.collab.support;
