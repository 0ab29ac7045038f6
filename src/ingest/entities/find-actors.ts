import type { ActorEntity } from '../extract-types.js';
import type { ActorRecord } from '../gazetteer/actor-record.js';
import { getActorGazetteer } from '../gazetteer/actor-gazetteer.js';
import type { DocumentContext } from './document-context.js';
import { createDocumentContext, gapBetween, isCapitalized } from './document-context.js';

// Nouns that, after a group's name, still name the group ("ISIL fighters", "TTP militants").
const MEMBER_NOUNS = new Set([
  'fighters',
  'militants',
  'terrorists',
  'members',
  'militiamen',
  'insurgents',
  'rebels',
  'operatives',
  'forces',
  'units',
  'unit',
  'cells',
  'cell',
  'gunmen',
  'affiliate',
  'branch',
  'faction',
  'network',
  'loyalists',
  'jihadists',
  'supporters',
  'group',
  'positions',
]);

/**
 * Finds the armed groups of the actor gazetteer (built-in plus `knownActors`) in a text,
 * extended over the nouns that name their members ("ISIL fighters").
 *
 * @example findActors('ISIS-K claimed the attack.')[0]?.canonical // 'Islamic State Khorasan Province'
 */
export function findActors(
  text: string,
  options: { knownActors?: readonly ActorRecord[]; context?: DocumentContext } = {},
): ActorEntity[] {
  const context = options.context ?? createDocumentContext(text);
  const index = getActorGazetteer(options.knownActors ?? []);
  const { pieces } = context;
  const found: ActorEntity[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const match = index.matchAt(pieces, i, text);
    if (!match) continue;
    const first = pieces[i]!;
    const named = pieces.slice(i, match.to).some((p) => isCapitalized(p.raw));
    // A lower-case word that happens to equal a name ("hashd", "islamic jihad") is not one.
    if (!named || (!isCapitalized(first.raw) && first.key !== 'al')) continue;
    let to = match.to;
    const gapOk = (k: number): boolean =>
      k < pieces.length && gapBetween(context, k - 1, k) === ' ';
    if (
      gapOk(to) &&
      pieces[to]!.key === 'tactical' &&
      gapOk(to + 1) &&
      /^units?$/.test(pieces[to + 1]!.key)
    ) {
      to += 2;
    } else if (gapOk(to) && MEMBER_NOUNS.has(pieces[to]!.key)) {
      to += 1;
    }
    // "ISIL-held building" names a place by who holds it; the group is not an actor there.
    if (
      /^-(?:held|controlled|occupied|run|dominated|besieged)\b/.test(
        text.slice(pieces[match.to - 1]!.end, pieces[match.to - 1]!.end + 12),
      )
    ) {
      i = match.to - 1;
      continue;
    }
    const record = match.values[0]!;
    const start = first.start;
    const end = pieces[to - 1]!.end;
    found.push({
      type: 'actor',
      text: text.slice(start, end),
      start,
      end,
      canonical: record.canonical,
    });
    i = to - 1;
  }
  return found;
}
