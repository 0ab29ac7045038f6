import type { ProseRecognisers, ProseSpan } from '../core/ports/prose-recognisers.js';
import { findAttributions } from './attribution/find-attributions.js';
import { findEntities } from './entities/find-entities.js';
import type { Entity } from './extract-types.js';
import { getLexicons } from './entities/lexicon-words.js';
import { findPlace } from './gazetteer/find-place.js';
import { splitSentences } from './text/split-sentences.js';

// The adapter of the ProseRecognisers port (src/core/ports/prose-recognisers.ts): the extractor's
// own entity, date and attribution finders, as the sharing policy reads free text with them.
// Thin on purpose: what the tearline transforms need beyond these lives in src/sharing.

function placeSpan(e: Extract<Entity, { type: 'location' }>): ProseSpan {
  const place = findPlace(e.text, e.country === undefined ? {} : { country: e.country });
  // A "region" inside one country (Ghor) is a first-level area for the tearline, not a region
  // wider than a country (the Sahel).
  const kind = place?.kind === 'region' && place.country !== undefined ? 'admin1' : place?.kind;
  const level =
    kind ?? (e.geo_precision === 3 ? 'admin1' : e.country === undefined ? undefined : 'city');
  return {
    kind: 'place',
    start: e.start,
    end: e.end,
    ...(level === undefined ? {} : { level }),
    ...(e.country === undefined ? {} : { country: e.country }),
    ...(e.admin1 === undefined ? {} : { admin1: e.admin1 }),
  };
}

function toSpan(e: Entity): ProseSpan | undefined {
  switch (e.type) {
    case 'person':
      return { kind: 'person', start: e.start, end: e.end };
    case 'location':
      return placeSpan(e);
    case 'date':
      return {
        kind: 'date',
        start: e.start,
        end: e.end,
        ...(e.value === undefined ? {} : { value: e.value }),
      };
    case 'actor':
    case 'organization':
    case 'nationality':
      return { kind: 'named', start: e.start, end: e.end };
    default:
      return undefined;
  }
}

/**
 * The extractor's recognisers behind the ProseRecognisers port.
 *
 * @example createProseRecognisers().find('Governor Ali Khan said on 3 March.')
 */
export function createProseRecognisers(): ProseRecognisers {
  return {
    find(text, options = {}) {
      const entities = findEntities(
        text,
        options.published === undefined ? {} : { published: options.published },
      );
      const out: ProseSpan[] = [];
      for (const e of entities) {
        const span = toSpan(e);
        if (span !== undefined) out.push(span);
      }
      for (const a of findAttributions(text, splitSentences(text), entities)) {
        out.push({ kind: 'attribution', start: a.start, end: a.end });
      }
      return out;
    },
    isCommonWord(word) {
      const w = word.toLowerCase();
      const common = getLexicons().common;
      return common.has(w) || (w.endsWith('s') && common.has(w.slice(0, -1)));
    },
  };
}
