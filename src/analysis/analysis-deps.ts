import type { Clock, IdSource } from '../core/clock.js';
import type { AnalysisRepository } from '../core/ports/analysis.js';
import type { StixObject } from '../core/stix/stix-object.js';
import type { ObjectRepository } from '../core/ports/object-repository.js';
import type { AlertThresholds } from './alert-rules.js';

/** What the analysis functions run on. */
export interface AnalysisDeps {
  repo: AnalysisRepository;
  clock: Clock;
  ids: IdSource;
  /** Alert thresholds; defaults in alert-rules.ts. */
  thresholds?: Partial<AlertThresholds>;
  /**
   * Called with each new assessment note so the composition root can also put it in the STIX
   * object store (where sharing and TAXII find it).
   */
  publishObject?: (object: StixObject) => Promise<void>;
  /**
   * The STIX object store, to look up actors and locations that an indexed batch references but
   * does not carry (an incident attributed to an actor stored long before), and the stored
   * relationships of an incident whose new version arrives without them.
   */
  objects?: Pick<ObjectRepository, 'getLatest' | 'relationshipsOf'>;
}
