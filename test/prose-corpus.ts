// Reads the hand-written prose corpus (test/fixtures/prose-corpus) and measures what a minimal-
// trust release does to its marked sensitive spans: removed by the transforms, left but reported
// by the residual scan, or missed by both; and which findings point at nothing marked (false
// positives an approver would have to acknowledge).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { StixObject } from '../src/core/stix/stix-object.js';
import type { ProseRecognisers } from '../src/core/ports/prose-recognisers.js';
import { applyTransforms, createTransformContext } from '../src/sharing/apply-transforms.js';
import { toCanonicalJson } from '../src/sharing/canonical-json.js';
import { scanServedTexts, type Finding } from '../src/sharing/residual-scan.js';
import { withTierMinimums } from '../src/sharing/tier-minimums.js';

export const CORPUS_DIR = join(import.meta.dirname, 'fixtures', 'prose-corpus');

const KINDS = {
  p: 'person',
  a: 'attribution',
  l: 'dateline',
  c: 'contact',
  t: 'place',
  d: 'date',
} as const;
export type SpanKind = (typeof KINDS)[keyof typeof KINDS];

export interface CorpusEntry {
  /** `file:line`. */
  where: string;
  text: string;
  spans: Array<{ kind: SpanKind; text: string }>;
}

/** Every description of the corpus with its marked spans, marks taken out of the text. */
export function readCorpus(dir = CORPUS_DIR): CorpusEntry[] {
  const out: CorpusEntry[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '' || line.startsWith('#')) return;
        const spans: CorpusEntry['spans'] = [];
        const text = line.replace(/\[([plactd]):([^\]]+)\]/g, (_m, k: keyof typeof KINDS, s) => {
          spans.push({ kind: KINDS[k], text: (s as string).trim() });
          return s as string;
        });
        out.push({ where: `${file}:${i + 1}`, text, spans });
      });
  }
  return out;
}

export type Outcome = 'removed' | 'caught' | 'missed';

export interface CorpusResult {
  spans: number;
  removed: number;
  caught: number;
  missed: Array<{ where: string; kind: SpanKind; text: string; served: string }>;
  /** Findings overlapping no marked span still in the served text. */
  falsePositives: Array<{ where: string; kind: Finding['kind']; text: string; served: string }>;
  findings: number;
  byKind: Record<string, Record<Outcome, number>>;
}

/** The minimal tier's transforms, as the policy adds them to a release that asks for none. */
export const MINIMAL_TRANSFORMS = withTierMinimums([], 'minimal').transforms;

function positions(haystack: string, needle: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const h = haystack.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    const before = h[i - 1] ?? ' ';
    const after = h[i + n.length] ?? ' ';
    // Whole words only: "Gao" inside "Gaoua" is not the span.
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push([i, i + n.length]);
  }
  return out;
}

/**
 * What of a span must not survive: the whole span, and for a person each word of the name (a
 * given name left beside a withheld family name still names someone); for a dateline its place.
 */
function leakPieces(span: { kind: SpanKind; text: string }): string[] {
  if (span.kind === 'person') {
    return span.text.split(/[\s-]+/).filter((w) => /^\p{Lu}\p{L}/u.test(w) && w.length >= 3);
  }
  if (span.kind === 'dateline') {
    const place = /^\p{Lu}[\p{Lu}\s-]+?(?=[,(\s—–-]*(?:\d|\p{Lu}\p{Ll}|\(|—|–|-))/u.exec(span.text);
    return place === null ? [span.text] : [span.text, place[0].trim()];
  }
  return [span.text];
}

/** Releases every description as an incident's description and measures the spans' outcomes. */
export function measureCorpus(
  entries: readonly CorpusEntry[],
  recognisers: ProseRecognisers,
): CorpusResult {
  const result: CorpusResult = {
    spans: 0,
    removed: 0,
    caught: 0,
    missed: [],
    falsePositives: [],
    findings: 0,
    byKind: {},
  };
  entries.forEach((entry, n) => {
    const object: StixObject = {
      type: 'incident',
      spec_version: '2.1',
      id: `incident--00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as StixObject['id'],
      created: '2025-03-03T00:00:00.000Z',
      modified: '2025-03-03T00:00:00.000Z',
      name: 'Attack',
      description: entry.text,
    };
    const context = createTransformContext([object], MINIMAL_TRANSFORMS, { recognisers });
    const out = applyTransforms(object, MINIMAL_TRANSFORMS, context).object as StixObject;
    const findings = scanServedTexts([toCanonicalJson(out)], context.prose, 'identity--none');
    const served = String(out.description);
    result.findings += findings.length;
    const surviving: Array<[number, number]> = [];
    for (const span of entry.spans) {
      result.spans += 1;
      const tally = (result.byKind[span.kind] ??= { removed: 0, caught: 0, missed: 0 });
      const at = leakPieces(span).flatMap((piece) => positions(served, piece));
      let outcome: Outcome = 'removed';
      if (at.length > 0) {
        surviving.push(...at);
        const reported = at.every(([s, e]) =>
          findings.some((f) => f.path === 'description' && f.start < e && f.end > s),
        );
        outcome = reported ? 'caught' : 'missed';
      }
      tally[outcome] += 1;
      if (outcome === 'removed') result.removed += 1;
      else if (outcome === 'caught') result.caught += 1;
      else result.missed.push({ where: entry.where, kind: span.kind, text: span.text, served });
    }
    for (const f of findings) {
      const onMarked = surviving.some(([s, e]) => f.start < e && f.end > s);
      if (!onMarked)
        result.falsePositives.push({ where: entry.where, kind: f.kind, text: f.text, served });
    }
  });
  return result;
}
