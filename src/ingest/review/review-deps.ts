import type { Clock, IdSource } from '../../core/clock.js';
import type { IngestRepository } from '../../core/ports/ingest.js';
import type { ObjectRepository } from '../../core/ports/object-repository.js';
import type { StixObject } from '../../core/stix/stix-object.js';
import type { DocumentExtractor } from '../extract-thread/extract-thread.js';

/** What the ingest and review functions work with; the composition root builds it. */
export interface IngestDeps {
  repo: IngestRepository;
  objects: ObjectRepository;
  clock: Clock;
  ids: IdSource;
  /**
   * Called after an incident is accepted or merged, with the objects just written. The server
   * and CLI wire it to analysis (index the incident, evaluate alerts); ingest never imports analysis.
   */
  onIncidentAccepted?(incidentId: string, written: readonly StixObject[]): Promise<void>;
  /**
   * Runs the extraction pipeline off the caller's event loop (the server's extraction thread,
   * ADR 0025); without it a report is extracted in-process (CLI, tests).
   */
  extract?: DocumentExtractor;
  /** Called after a review decision was undone, with the revoked and restored versions written. */
  onReviewUndone?(written: readonly StixObject[]): Promise<void>;
  /** Which of these store ids a release has delivered to a partner (undo is refused for them). */
  releasedIds?(ids: readonly string[]): Promise<string[]>;
}
