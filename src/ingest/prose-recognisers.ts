import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
      // compromise's short entries include abbreviations ("jan", "mar") that are given names too.
      if (w.length > 3 && (common.has(w) || (w.endsWith('s') && common.has(w.slice(0, -1)))))
        return true;
      return stems(w).some((stem) => getDictionaryWords().has(stem));
    },
  };
}

let dictionaryWords: Set<string> | undefined;

/**
 * The lower-case words of an English spelling dictionary (dictionary-en, SCOWL). Its capitalised
 * entries (Ahmad, Kabul) are names and are left out: a word is common only as a lower-case entry.
 */
function getDictionaryWords(): Set<string> {
  if (dictionaryWords !== undefined) return dictionaryWords;
  const entry = createRequire(import.meta.url).resolve('dictionary-en');
  const dic = readFileSync(join(dirname(entry), 'index.dic'), 'utf8');
  dictionaryWords = new Set();
  for (const line of dic.split('\n')) {
    const word = line.slice(0, line.indexOf('/') >>> 0);
    if (/^[a-z][a-z'-]*$/.test(word)) dictionaryWords.add(word);
  }
  return dictionaryWords;
}

// The dictionary lists stems; its affix rules are read here as the few English endings that
// matter for capitalised words in news ("Clashes", "Protesters", "Unidentified").
function stems(word: string): string[] {
  const out = [word];
  const endings: Array<[RegExp, string]> = [
    [/ies$/, 'y'],
    [/es$/, ''],
    [/s$/, ''],
    [/ied$/, 'y'],
    [/ed$/, ''],
    [/ed$/, 'e'],
    [/ing$/, ''],
    [/ing$/, 'e'],
    [/ers?$/, ''],
    [/ers?$/, 'e'],
    [/ly$/, ''],
  ];
  for (const [ending, stem] of endings) if (ending.test(word)) out.push(word.replace(ending, stem));
  if (word.startsWith('un')) out.push(...stems(word.slice(2)));
  return out;
}
