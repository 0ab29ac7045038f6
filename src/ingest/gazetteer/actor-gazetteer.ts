import type { ActorRecord } from './actor-record.js';
import { ACTOR_RECORDS } from './actor-records.js';
import type { PhraseIndex } from './phrase-index.js';
import { createPhraseIndex } from './phrase-index.js';

let builtIn: PhraseIndex<ActorRecord> | undefined;

function addRecord(index: PhraseIndex<ActorRecord>, record: ActorRecord): void {
  for (const name of [record.canonical, ...record.aliases]) {
    // "the Taliban" and "Taliban" are one name; the article is not part of it.
    const bare = name.replace(/^the\s+/i, '');
    if (bare.trim()) index.add(bare, record);
  }
}

/**
 * The actor gazetteer: the built-in groups plus any records the store knows, indexed by name
 * and alias. The built-in index is built once; store records give a fresh index on top of it.
 *
 * @example getActorGazetteer([{ canonical: 'Katiba X', aliases: ['KX'], kind: 'armed-group' }])
 */
export function getActorGazetteer(extra: readonly ActorRecord[] = []): PhraseIndex<ActorRecord> {
  if (extra.length === 0) {
    if (!builtIn) {
      builtIn = createPhraseIndex<ActorRecord>();
      for (const record of ACTOR_RECORDS) addRecord(builtIn, record);
    }
    return builtIn;
  }
  const index = createPhraseIndex<ActorRecord>();
  // Store records first: an analyst's own canonical name wins over the built-in one.
  for (const record of extra) addRecord(index, record);
  for (const record of ACTOR_RECORDS) addRecord(index, record);
  return index;
}
