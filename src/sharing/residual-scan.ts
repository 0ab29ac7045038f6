// The residual scan: the last look at the exact bytes a partner will receive, for anything the
// release's transforms promised to remove. It reads with the prose module's spans and, for names,
// with a looser net than the transforms use (any capitalised run the recognisers cannot explain
// as a group, an organisation or an allowed place), so that a name the recognisers miss becomes a
// finding the approver must acknowledge, never a silent leak.

import { createHash } from 'node:crypto';
import type { StixObject } from '../core/stix/stix-object.js';
import {
  coarserDate,
  findKnownPhrases,
  findCountryNames,
  findSensitiveSpans,
  isCommonOrCountry,
  isPlaceTooFine,
  normaliseProse,
  visitProse,
  type ProsePlan,
  type SensitiveSpan,
} from './prose.js';
import { findCapitalisedRuns, isPlainWord, opensSentence } from './name-runs.js';
import { TITLE_WORDS } from './prose-finders.js';
import { isPeopleOrFaith } from './non-names.js';

const isTitle = (word: string) => TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ''));

/** What a finding is about. */
export type FindingKind =
  | 'person-like'
  | 'attribution'
  | 'dateline'
  | 'contact'
  | 'coordinates'
  | 'place'
  | 'date'
  | 'protected';

/** Something left in the served bytes that a transform promised to remove. */
export interface Finding {
  /** Stable for the same bytes: a hash of where and what. */
  id: string;
  kind: FindingKind;
  /** The released object's id. */
  objectId: string;
  /** The property path (`description`, `extensions.….witnesses (key)`). */
  path: string;
  /** The text found and its offsets in the property's text. */
  text: string;
  start: number;
  end: number;
}

/** An approver's acknowledgement of a finding, with the reason it may go out. */
export interface Acknowledgement {
  findingId: string;
  reason: string;
}

const MARK =
  /\[(?:name|place|date|source|contact|coordinates) withheld\]|\[redacted\]|\[withheld\]/g;
/** Capitalised runs no recogniser explains: person-like names. */
function findNameLike(
  text: string,
  spans: readonly SensitiveSpan[],
  plan: ProsePlan,
): SensitiveSpan[] {
  const out: SensitiveSpan[] = [];
  const explaining = [...spans, ...findCountryNames(text)].filter(
    (s) =>
      s.kind === 'named' ||
      s.kind === 'date' ||
      (s.kind === 'place' && (plan.place === undefined || !isPlaceTooFine(s, plan.place))),
  );
  const explained = (start: number, end: number) =>
    explaining.some((s) => s.start <= start && s.end >= end);
  const isCommon = (word: string) => isCommonOrCountry(word, plan.recognisers);
  for (const run of findCapitalisedRuns(text)) {
    let afterName = false;
    const content = run.filter(
      (t, i) =>
        (afterName =
          !isPlainWord(t.word, isCommon, afterName) &&
          ((afterName && isPeopleOrFaith(t.word)) || !explained(t.start, t.end))) &&
        // A lone capitalised word opening a sentence is any word ("Gunmen", "Attack"): only
        // the recognisers' dictionary can tell a name there, so without them it is left.
        !(
          i === 0 &&
          run.length === 1 &&
          plan.recognisers === undefined &&
          opensSentence(text, t.start)
        ) &&
        // A title the transforms kept before a name they withheld ("Haji [name withheld]").
        !(run.length === 1 && /^\s*\[name withheld\]/.test(text.slice(t.end)) && isTitle(t.word)),
    );
    if (content.length === 0) continue;
    if (explained(run[0]!.start, run[run.length - 1]!.end)) continue;
    out.push({ kind: 'person', start: content[0]!.start, end: content[content.length - 1]!.end });
  }
  return out;
}

function findingKind(span: SensitiveSpan, text: string, plan: ProsePlan): FindingKind | undefined {
  switch (span.kind) {
    case 'phrase':
      return 'protected';
    case 'person':
      return plan.persons ? 'person-like' : undefined;
    case 'attribution':
    case 'dateline':
    case 'contact':
      return plan.sources ? span.kind : undefined;
    case 'coordinates':
      return plan.place !== undefined ? 'coordinates' : undefined;
    case 'place':
      return plan.place !== undefined && isPlaceTooFine(span, plan.place) ? 'place' : undefined;
    case 'date':
      return plan.date !== undefined &&
        coarserDate(span.value, text.slice(span.start, span.end), plan.date) !== undefined
        ? 'date'
        : undefined;
    default:
      return undefined;
  }
}

function findingId(
  objectId: string,
  path: string,
  kind: string,
  start: number,
  text: string,
): string {
  return createHash('sha256')
    .update(`${objectId}\n${path}\n${kind}\n${start}\n${text}`)
    .digest('hex')
    .slice(0, 16);
}

/** The findings in one text of a served object. */
export function scanText(
  text: string,
  plan: ProsePlan,
  ownName = false,
): Array<Omit<Finding, 'id' | 'objectId' | 'path'>> {
  // The served bytes repeat the same texts across objects: each is scanned once per plan.
  let memo = scanMemo.get(plan);
  if (memo === undefined) {
    memo = new Map();
    scanMemo.set(plan, memo);
  }
  const key = (ownName ? '1' : '0') + text;
  let found = memo.get(key);
  if (found === undefined) {
    found = scanOnce(text, plan, ownName);
    if (memo.size >= 50_000) memo.clear();
    memo.set(key, found);
  }
  return found;
}

const scanMemo = new WeakMap<
  ProsePlan,
  Map<string, Array<Omit<Finding, 'id' | 'objectId' | 'path'>>>
>();

function scanOnce(
  text: string,
  plan: ProsePlan,
  ownName: boolean,
): Array<Omit<Finding, 'id' | 'objectId' | 'path'>> {
  const normal = normaliseProse(text);
  // A group's own names are read only for the protected and named phrases.
  if (ownName) {
    return findKnownPhrases(normal, plan.known)
      .filter((s) => s.kind !== 'place')
      .map((s) => ({
        kind: s.kind === 'phrase' ? ('protected' as const) : ('person-like' as const),
        text: normal.slice(s.start, s.end),
        start: s.start,
        end: s.end,
      }));
  }
  // The scan reads the bytes as served: if normalising changed them, offsets are of the
  // normalised text, which is what a reader sees.
  const spans = [
    ...findSensitiveSpans(normal, plan.recognisers),
    ...findKnownPhrases(normal, plan.known),
  ];
  const all = plan.persons ? [...spans, ...findNameLike(normal, spans, plan)] : spans;
  const out: Array<Omit<Finding, 'id' | 'objectId' | 'path'>> = [];
  const seen = new Set<string>();
  for (const span of all) {
    const kind = findingKind(span, normal, plan);
    if (kind === undefined) continue;
    const found = normal.slice(span.start, span.end);
    const bare = found.replace(MARK, '').trim();
    // A mark the transforms wrote ("[name withheld] said") is not itself a finding.
    if (
      bare === '' ||
      (found !== bare && kind === 'attribution' && !/\p{Lu}/u.test(bare.slice(1)))
    ) {
      continue;
    }
    const key = `${span.start}:${span.end}:${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind, text: found, start: span.start, end: span.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Scans the served bytes of a release (one canonical JSON text per object, as the partner
 * receives them) for what the plan promised to remove. Our organisation and the marking
 * definitions are skipped: they are the agreement's, not the selection's.
 *
 * @example scanServedTexts(toServedTexts(bundle.objects), plan, organization.id)
 */
export function scanServedTexts(
  served: readonly string[],
  plan: ProsePlan,
  organizationId: string,
): Finding[] {
  const findings: Finding[] = [];
  for (const bytes of served) {
    const object = JSON.parse(bytes) as StixObject;
    if (object.id === organizationId || object.type === 'marking-definition') continue;
    // A released location's name is rebuilt from its kept structured fields by coarse-place.
    if (object.type === 'location' && plan.place !== undefined) delete object.name;
    visitProse(object, (text, path, ownName) => {
      for (const f of scanText(text, plan, ownName)) {
        findings.push({
          ...f,
          id: findingId(object.id, path, f.kind, f.start, f.text),
          objectId: object.id,
          path,
        });
      }
      return text;
    });
  }
  return findings;
}
