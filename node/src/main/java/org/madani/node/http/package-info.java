/**
 * HTTP routes per area on Vert.x Web: each route bounds its input, calls one service method and
 * renders the result (JSON, ActivityStreams or HTML); failures become RFC 9457 problems in {@code
 * ProblemHandler}. Also the cross-cutting guards: body and header deadlines, rate limits, security
 * headers, same-origin checks. Routes never speak SQL nor hold the rules.
 */
package org.madani.node.http;
