/**
 * Admin API and public routes of the collaboration features; they parse, authorize, call a service
 * and render.
 */
package org.madani.node.http.collab;
