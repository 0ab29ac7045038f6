/** What kind of armed actor a gazetteer entry is. */
export type ActorKind =
  | 'armed-group'
  | 'terrorist-group'
  | 'militia'
  | 'state-force'
  | 'private-military'
  | 'political-organization';

/**
 * An actor the extractor recognises by name: the canonical name, its aliases and
 * transliterations, and the countries it mainly operates in. The store's own actors are passed
 * in the same shape at run time so that analysts' additions extend the built-in gazetteer.
 */
export interface ActorRecord {
  canonical: string;
  aliases: string[];
  kind: ActorKind;
  /** ISO 3166-1 alpha-2 codes. */
  homeCountries?: string[];
  /**
   * Countries outside its home where a branch carries out its parent's attacks (ISO alpha-2):
   * an attack there claimed in the parent's name is the branch's.
   */
  externalReach?: string[];
}
