/**
 * Server-rendered HTML of the public pages, the directory and error pages, Arabic first and
 * right-to-left where Arabic is shown, English beside it; everything escaped, nothing loaded from
 * third parties.
 */
package org.madani.node.http.pages;
