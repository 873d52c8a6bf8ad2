/**
 * Trainings (issue 16 item 5), the registering side: an organization here registers for a training
 * (or event) published on another node by sending a signed Join to its organizer, and keeps the
 * organizer's Accept or Reject. The organizer's side (capacity, registration mode) is the
 * participation of {@code collab.invite}, which takes trainings as it takes events.
 */
package org.madani.node.collab.training;
