import { isTitleCaseLine } from '../text/title-case.js';
import type { ActorEntity, LocationEntity, OtherEntity } from '../extract-types.js';
import type { DocumentContext } from './document-context.js';
import { isCapitalized } from './document-context.js';
import { getLexicons } from './lexicon-words.js';
import {
  ARMED_HEADS,
  NAME_CONNECTORS,
  NOT_ORG_ACRONYMS,
  ORG_HEADS,
  STRONG_TITLES,
  TITLE_WORDS,
} from './name-words.js';

/** A maximal run of capitalised pieces (with connectors inside), as piece indexes [from, to). */
interface Run {
  from: number;
  to: number;
}

const JOIN = /^[\u200e\u200f]?(?:\s|\.\s?|-|–|'|’|\s&\s|\s-\s)[\u200e\u200f]?$/;
const SITE_HEADS = new Set([
  'airfield',
  'airport',
  'airbase',
  'base',
  'dam',
  'bridge',
  'checkpoint',
  'crossing',
  'port',
  'harbour',
  'harbor',
  'mosque',
  'church',
  'cathedral',
  'synagogue',
  'shrine',
  'temple',
  'market',
  'bazaar',
  'square',
  'hall',
  'stadium',
  'hotel',
  'mall',
  'prison',
  'refinery',
  'highway',
  'road',
  'street',
  'avenue',
  'valley',
  'mountains',
  'mountain',
  'river',
  'lake',
  'island',
  'islands',
  'peninsula',
  'desert',
  'corridor',
  'pass',
  'strait',
  'gulf',
  'sea',
  'oasis',
  'plain',
  'plains',
  'heights',
  'camp',
  'barracks',
  'compound',
  'palace',
  'castle',
  'fortress',
  'station',
  'terminal',
  'field',
  'oilfield',
  'gasfield',
]);
const ATTACKER_NOUNS = new Set([
  'gunman',
  'gunmen',
  'attacker',
  'assailant',
  'bomber',
  'shooter',
  'assassin',
  'knifeman',
  'suspect',
]);
const SITE_PREFIXES = new Set(['camp', 'fort', 'mount', 'lake', 'forward']);
const STATE_WORDS = new Set([
  'armed',
  'national',
  'security',
  'defense',
  'defence',
  'arab',
  'royal',
  'special',
  'republican',
  'army',
  'air',
  'border',
  'popular',
]);

/**
 * Reads capitalised phrases the gazetteers do not know: people (by title, given name or
 * "… said"), organisations (by head word or acronym) and armed groups (by head word: "the X
 * Front", "the X Brigades"). `blocked` marks characters already taken by surer finders.
 *
 * @example findNamedRuns(createDocumentContext('Gen. Joseph Votel said.'), new Uint8Array(23))
 */
export function findNamedRuns(
  context: DocumentContext,
  blocked: Uint8Array,
): Array<ActorEntity | LocationEntity | OtherEntity> {
  const { pieces, text } = context;
  const lex = getLexicons();
  const found: Array<ActorEntity | LocationEntity | OtherEntity> = [];
  const isFree = (i: number): boolean =>
    blocked[pieces[i]!.start] === 0 && blocked[pieces[i]!.end - 1] === 0;
  const isNamePiece = (i: number): boolean => {
    const raw = pieces[i]!.raw;
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) return /^\d+(?:st|nd|rd|th)$/.test(raw);
    return isCapitalized(raw);
  };
  const runs: Run[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (!isFree(i)) continue;
    const startsHere =
      isNamePiece(i) ||
      (NAME_CONNECTORS.has(pieces[i]!.key) &&
        i + 1 < pieces.length &&
        text[pieces[i]!.end] === '-' &&
        isCapitalized(pieces[i + 1]!.raw));
    if (!startsHere) continue;
    let j = i + 1;
    while (j < pieces.length && isFree(j) && !context.sentenceInitial.has(j)) {
      const gap = text.slice(pieces[j - 1]!.end, pieces[j]!.start);
      if (!JOIN.test(gap)) break;
      if (gap.startsWith('.') && !/^(?:\p{Lu}|[A-Z][a-z]{0,3})$/u.test(pieces[j - 1]!.raw)) break;
      if (isNamePiece(j)) j++;
      else if (
        NAME_CONNECTORS.has(pieces[j]!.key) &&
        j + 1 < pieces.length &&
        isFree(j + 1) &&
        isCapitalized(pieces[j + 1]!.raw)
      )
        j += 2;
      else break;
    }
    runs.push({ from: i, to: j });
    i = j - 1;
  }

  const people: OtherEntity[] = [];
  const singles: Run[] = [];
  for (const run of runs) {
    // Kept before trimming: a surname may also be an English word ("Cook", "Burns").
    if (run.to - run.from === 1) singles.push(run);
    let { from } = run;
    const { to } = run;
    // Drop ordinary words the capital of a sentence start or a headline gave ("The", "After").
    // A headline's or sentence's capitalised attacker noun ("Gunman Peter Vance") is no name.
    while (from < to - 1 && ATTACKER_NOUNS.has(pieces[from]!.key)) from++;
    while (
      from < to &&
      lex.common.has(pieces[from]!.key) &&
      !TITLE_WORDS.has(pieces[from]!.key) &&
      !ARMED_HEADS.has(pieces[from]!.key) &&
      !ORG_HEADS.has(pieces[from]!.key) &&
      !SITE_PREFIXES.has(pieces[from]!.key)
    )
      from++;
    while (
      from < to &&
      NAME_CONNECTORS.has(pieces[from]!.key) &&
      !isCapitalized(pieces[from]!.raw) &&
      text[pieces[from]!.end] !== '-'
    )
      from++;
    if (from >= to) continue;
    const keys = pieces.slice(from, to).map((p) => p.key);
    const raws = pieces.slice(from, to).map((p) => p.raw);
    const start = pieces[from]!.start;
    const end = pieces[to - 1]!.end;
    const span = { start, end, text: text.slice(start, end) };
    const last = keys[keys.length - 1]!;

    // A title (or a run of title words) followed by names is a person: "Lt. Gen. Stephen Townsend".
    let t = 0;
    while (t < keys.length && (TITLE_WORDS.has(keys[t]!) || (t === 0 && isDemonymLike(raws[t]!))))
      t++;
    let titled = t > 0 && keys.slice(0, t).some((k) => STRONG_TITLES.has(k));
    // Long ranks carry words of their own: "Navy Senior Chief Petty Officer Scott C. Dayton".
    if (!titled) {
      let k = keys.length - 2;
      while (k >= 0 && !STRONG_TITLES.has(keys[k]!)) k--;
      if (k >= 0 && keys.slice(k + 1).every((w) => !TITLE_WORDS.has(w))) {
        titled = true;
        t = k + 1;
      }
    }
    if (titled && t < keys.length && !ORG_HEADS.has(last) && !ARMED_HEADS.has(last)) {
      const person: OtherEntity = { type: 'person', ...span };
      found.push(person);
      people.push(person);
      continue;
    }
    // Named sites: "Qayyarah Airfield", "Tiyas Military Airfield", "Camp Bastion", "Crocus City Hall".
    // Not in a title-case headline, whose verbs are capitalised too ("Fighters Attack Base"): the
    // report's body names the site again in its own case.
    if (
      keys.length >= 2 &&
      !isTitleCaseLine(text, start) &&
      (SITE_HEADS.has(last) ||
        (SITE_PREFIXES.has(keys[0]!) && !ORG_HEADS.has(last)) ||
        (keys.length >= 3 &&
          SITE_HEADS.has(keys[keys.length - 2]!) &&
          /^(?:west|east|north|south)$/.test(last)))
    ) {
      found.push({ type: 'location', ...span });
      continue;
    }
    if (keys.length >= 2 && ARMED_HEADS.has(last)) {
      const hasNumber = raws.some((r) => /^\d/.test(r));
      const stateLike = keys
        .slice(0, -1)
        .every((k, n) => STATE_WORDS.has(k) || (n === 0 && isDemonymLike(raws[0]!)));
      if (hasNumber || stateLike || last === 'command' || last === 'fleet')
        found.push({ type: 'organization', ...span });
      else found.push({ type: 'actor', ...span, canonical: stripArticle(span.text) });
      continue;
    }
    if (keys.some((k) => ORG_HEADS.has(k)) && (keys.length >= 2 || ORG_HEADS.has(last))) {
      // A title-case headline runs on after the name: "Biden Administration Weighs Increased …".
      let h = keys.length - 1;
      while (h > 0 && !ORG_HEADS.has(keys[h]!)) h--;
      // "Agency for International Development": after "for"/"of" the name runs to its end.
      const joined = keys.slice(1, h).some((k) => k === 'for' || k === 'of');
      const cut =
        h < keys.length - 1 && !NAME_CONNECTORS.has(keys[h + 1]!) && !joined ? from + h + 1 : to;
      if (cut - from >= 2) {
        const e = pieces[cut - 1]!.end;
        found.push({ type: 'organization', start, end: e, text: text.slice(start, e) });
      }
      continue;
    }
    if (
      raws.every((r) => /^[A-Z][A-Z0-9]+$/.test(r)) &&
      raws.join('').length >= 2 &&
      !NOT_ORG_ACRONYMS.has(raws.join(''))
    ) {
      // "DDG 70", "MQ-9", "KC-135" are designations of ships and aircraft, not bodies.
      if (/^[- ]?\d/.test(text.slice(end, end + 3))) continue;
      if (!NOT_ORG_ACRONYMS.has(raws[0]!)) found.push({ type: 'organization', ...span });
      continue;
    }
    if (
      (keys.length >= 2 &&
        keys.length <= 4 &&
        (lex.firstNames.has(keys[0]!) ||
          lex.lastNames.has(last) ||
          isSaidPerson(text, start, end))) ||
      // "The gunman, identified as Delaney," names a person, known to the name lists or not.
      (keys.length <= 4 &&
        !lex.common.has(keys[0]!) &&
        IDENTIFIED_AS.test(text.slice(Math.max(0, start - 60), start)))
    ) {
      const person: OtherEntity = { type: 'person', ...span };
      found.push(person);
      people.push(person);
      continue;
    }
  }
  // A surname alone, after the full name appeared: "Jeff Davis … Davis said".
  const surnames = new Set(
    people
      .map((p) => (/[\p{L}]+$/u.exec(p.text)?.[0] ?? '').toLowerCase())
      .filter((s) => s.length > 1),
  );
  const taken = new Set(found.map((e) => e.start));
  for (const run of singles) {
    const piece = pieces[run.from]!;
    if (surnames.has(piece.key) && !taken.has(piece.start))
      found.push({ type: 'person', text: piece.raw, start: piece.start, end: piece.end });
  }
  return found;
}

function isDemonymLike(raw: string): boolean {
  return /(?:an|ian|ese|ish|i|ic)$/.test(raw) && isCapitalized(raw);
}

function stripArticle(name: string): string {
  return name.replace(/^the\s+/i, '');
}

// "Salman Abedi, the British-Libyan who …", "Ali Musa, a commander of …": a name in apposition.
const APPOSITION =
  /^,\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}?(?:who|man|woman|boy|girl|leader|commander|bomber|attacker|gunman|suspect|spokesman|spokeswoman|spokesperson|official|officer|minister|president|director|chief|member|soldier|militant|cleric|preacher|imam|founder|head|father|mother|son|daughter|brother|sister|resident|student|driver|journalist|reporter|analyst|researcher|professor|lawyer|judge)\b/;

/** "identified as", "named by police as", "identified the gunman as", with an age before the name. */
const IDENTIFIED_AS =
  /\b(?:identified|named)\s+(?:(?:him|her|them|the\s+(?:[\w-]+\s+)?(?:gunm[ae]n|attackers?|assailants?|bombers?|shooters?|suspects?|killers?|driver|man|woman))\s+)?(?:(?:by|to)\s+(?:the\s+)?[\w-]+\s+)?as\s+(?:(?:a\s+)?\d{1,2}-year-old\s+)?$/i;

function isSaidPerson(text: string, start: number, end: number): boolean {
  return (
    APPOSITION.test(text.slice(end, end + 80)) ||
    /^,?\s+(?:said|says|told|added|stated|wrote|explained|noted|warned)\b/.test(
      text.slice(end, end + 12),
    ) ||
    /\b(?:said|says|according to)\s+$/.test(text.slice(Math.max(0, start - 14), start)) ||
    // "Omar Haddad, 31, …": an age in apposition; "gunman Omar Haddad": an attacker's noun.
    /^,\s+(?:aged\s+)?\d{1,2},/.test(text.slice(end, end + 12)) ||
    /\b(?:gunm[ae]n|attacker|assailant|bomber|shooter|assassin|knifem[ae]n|suspect)\s+$/i.test(
      text.slice(Math.max(0, start - 12), start),
    )
  );
}
