// What the tearline transforms need to find in free text beyond the extractor's recognisers
// (reached through the ProseRecognisers port): attribution phrases in all their shapes,
// datelines, contact details, coordinates, date expressions written every which way, and names
// introduced by a title or a role word. Each finder returns spans of the (normalised) text; the
// prose module (prose.ts) decides what each transform does with them.

import { MONTH_NAMES } from '../core/vocab/calendar.js';
import { CAPITALISED_NON_NAMES } from './non-names.js';

/** A span found by the sharing area's own finders. */
export type FoundSpan =
  | {
      kind: 'attribution' | 'dateline' | 'contact' | 'coordinates' | 'person';
      start: number;
      end: number;
    }
  | { kind: 'place'; start: number; end: number; level: 'city' | 'admin1'; guess?: true }
  | { kind: 'date'; start: number; end: number; value?: string };

const MONTH_WORDS = `(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((m) => m.slice(0, 3)).join('|')}|Sept)\\.?`;
const WEEKDAYS = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';
const UPPER_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";

function collect(
  text: string,
  pattern: RegExp,
  make: (m: RegExpExecArray) => FoundSpan | undefined,
  out: FoundSpan[],
): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const span = make(m);
    if (span !== undefined) out.push(span);
  }
}

// --- Attribution -----------------------------------------------------------------------------

const SAY =
  '(?:said|says|say|told|added|confirmed|reported|stated|claimed|noted|explained|warned|insisted|disclosed|revealed|announced|wrote|posted|tweeted|estimated|acknowledged|admitted)';
// Who was told: the press in general, a kind of outlet ("the state news agency", "this
// newspaper") or a named one ("AFP", "the Syrian Network for Human Rights").
const LISTENER =
  '(?:reporters|journalists|the press|the media|(?:(?:the|this|a|an|local|state|foreign|our)\\s+)?(?:[\\p{Ll}-]+\\s+){0,3}?(?:newspaper|agency|outlet|channel|television|radio|website|investigators|researchers|monitors|broadcaster|station|reporters|journalists|media|press)|(?:the\\s+)?\\p{Lu}[\\w.&-]*(?:\\s+(?:for\\s+|of\\s+)?\\p{Lu}[\\w.&-]*){0,5})';
// Only telling has a listener: "told AFP", never "blamed Islamic State".
const SAY_TO = `(?:${SAY}|told(?:\\s+${LISTENER})?)`;
// Claiming an act is not reporting it: "Islamic State claimed responsibility", "the group claimed
// the bombing" name the claimant, which a release keeps, not a source.
const ACT_CLAIMED =
  '\\s+(?:responsibility|credit|(?:the|an?|this|that|its|both)\\s+(?:[\\p{L}-]+\\s+)?(?:attacks?|bombings?|killings?|assaults?|raids?|ambush(?:es)?|blasts?|explosions?|kidnappings?|abductions?|strikes?|shootings?|operations?|massacres?|beheadings?)\\b)';
const NOT_AN_ACT_CLAIMED = `(?!(?<=claimed)${ACT_CLAIMED})`;
const CLAIMS_AN_ACT = new RegExp(`^\\s+(?:has\\s+|had\\s+|have\\s+)?claimed${ACT_CLAIMED}`, 'u');

/**
 * Whether the words after a speaker claim an act ("… claimed responsibility", "… has claimed the
 * bombing"): the speaker is then the claimant, which a release keeps, not a source. For the
 * speakers the extractor's recognisers find, which know nothing of what is claimed.
 *
 * @example claimsAnActAfter('IS claimed responsibility.', 2) // true
 */
export function claimsAnActAfter(text: string, end: number): boolean {
  return CLAIMS_AN_ACT.test(text.slice(end, end + 120));
}
// Where or how it was said, at the end of a clause: "in a statement", "on Telegram", "by phone".
const HOW =
  '(?:\\s+(?:in|on|late on|early on|by|via|through|at|during|to)\\s+[^,.;!?"“”\\n]{1,40}?)?';
// A clause opens at the start of the text or a sentence, after a semicolon or a colon, or after a
// comma and a conjunction (", but local officials said …").
const CLAUSE_START =
  '(?:^|(?<=[.!?]["”]?\\s+)|(?<=[;:]\\s+)|(?<=,\\s+(?:and|but|while|whereas|although|though|yet)\\s+))';
const ATTRIBUTION_PATTERNS: readonly RegExp[] = [
  // "according to a hospital official," / "according to Reuters"
  /\b[Aa]ccording to [^.;:!?\n]{1,80}?(?=,|\.(?:\s|$)|;|$)/gu,
  // ", a provincial official said." / ", the army said in a statement." (to the end of the clause)
  new RegExp(`,\\s*(?:[^,.;!?"“”\\n]{1,80}?)\\s+${SAY_TO}${HOW}(?=\\s*[.;!?"”]|\\s*$)`, 'gu'),
  // "A police spokesman said (that) …", "; colleagues said …", "Officials told reporters …":
  // the speaker opens the clause (no comma inside it, or one set-off aside).
  new RegExp(
    `${CLAUSE_START}(?:[^,.;!?"“”\\n]{0,80}?|[^,.;!?"“”\\n]{1,60}?,[^,.;!?"“”\\n]{1,60},)\\s${SAY_TO}${NOT_AN_ACT_CLAIMED}(?:\\s+(?:on|late on)\\s+\\w+day)?(?:,?\\s+that)?(?=[\\s,:])`,
    'gu',
  ),
  // ", he said." / ", she told AFP."
  new RegExp(`\\b(?:he|she|they|it)\\s+${SAY_TO}${NOT_AN_ACT_CLAIMED}`, 'gu'),
  new RegExp(
    `\\b(?:told|speaking to|talking to|in an interview with|in a (?:statement|post|message) (?:to|on|posted))\\s+${LISTENER}`,
    'gu',
  ),
  /,?\s*(?:who\s+)?(?:spoke|speaking|spoke to \w+)\s+on (?:the\s+)?condition of anonymity(?:\s+because [^,.;]{1,80})?/giu,
  /,?\s*who (?:asked|declined|requested) (?:not )?to be (?:named|identified)/giu,
  /\b(?:sources?|people|officials?|persons?) (?:with (?:direct )?knowledge of|familiar with|close to|briefed on) (?:the )?[\w-]+(?: [\w-]+){0,3}/giu,
  /\b(?:(?:security|intelligence|military|police|local|tribal|diplomatic|informed|reliable|official|hospital|medical|government|humanitarian) )?sources (?:said|say|told|reported|added|confirmed)\b/giu,
  /\b(?:an?|the|one|two|three) (?:informant|source|liaison|asset)s?\b(?: (?:said|reported|told \w+))?/giu,
  /\b(?:in|via|through) (?:a |the )?liaison (?:report|channel)s?\b/giu,
];

/**
 * Attribution phrases: "according to X", "…, X said", "X told reporters", "speaking on condition of
 * anonymity", "sources with knowledge of", informant and liaison wording.
 *
 * @example findAttributionPhrases('Ten died, a provincial official said.')
 */
export function findAttributionPhrases(text: string, out: FoundSpan[] = []): FoundSpan[] {
  for (const pattern of ATTRIBUTION_PATTERNS) {
    collect(
      text,
      pattern,
      (m) => ({
        kind: 'attribution',
        start: m.index - abbreviationsBefore(text, m.index),
        end: m.index + m[0].length,
      }),
      out,
    );
  }
  return out;
}

// An initialism ("U.S.", "U.N.", "U.A.E.") or a title's abbreviation ("Gen.", "Dr.", "Lt. Col.")
// just before a speaker: its full stop reads as a sentence's end, so the speaker's clause seems
// to open after it, and "U.S. officials said" would lose only "officials said" — the speaker's
// country, itself a source, would go out.
const ABBREVIATIONS_BEFORE =
  /(?:(?<![\p{L}.])(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Brig|Adm|Cmdr|Sen|Rep|Gov|Prof|Gen\. Maj|Lt\. Col|Lt\. Gen|Maj\. Gen|Brig\. Gen)\.)\s+$/u;

/** How many characters of initialisms and title abbreviations stand right before `at`. */
function abbreviationsBefore(text: string, at: number): number {
  const m = ABBREVIATIONS_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
  return m === null ? 0 : m[0].length;
}

// --- Datelines -------------------------------------------------------------------------------

// "KABUL, 3 March 2025 — ", "Kandahar (Reuters) - ", "MOSCOW, March 22 (AP) – " at the start of
// the text or of a line.
const DATELINE_BODY = `\\s*\\p{Lu}[\\p{L}'’. -]{1,40}?(?:,\\s*[\\p{L}\\d .,'’]{1,40}?)?(?:\\s*\\([^)\\n]{1,30}\\))?\\s*(?:—|–|--|-(?=\\s))\\s*`;
const DATELINE = new RegExp(`(?:^|(?<=\\n))${DATELINE_BODY}`, 'gu');
const DATELINE_HERE = new RegExp(DATELINE_BODY, 'uy');

/** A dateline is short and its place is in capitals, or it carries a date or an agency. */
function isDatelineHead(head: string): boolean {
  return /^\s*\p{Lu}{2,}/u.test(head) || /\d|\(|,/.test(head);
}

/**
 * Whether a dateline opens the text at `at`: a line that does must stay a line when single line
 * breaks are joined (a headline above it would otherwise run into it, and it would no longer be
 * at a line's start, where datelines are found).
 *
 * @example opensDateline('Blast in city\nKABUL, 3 March 2025 — Ten died.', 14) // true
 */
export function opensDateline(text: string, at: number): boolean {
  DATELINE_HERE.lastIndex = at;
  const m = DATELINE_HERE.exec(text);
  return m !== null && isDatelineHead(m[0]);
}

// A full stop and a capital, not after an initial or "St." ("ST. PETERSBURG" is one place).
const SENTENCE_END = /(?<!\b(?:S[tT]|\p{Lu}))[.!?]\s+(?=\p{Lu})/gu;

/** Where the text after the last sentence end in `head` starts (0 when there is none). */
function lastSentenceEnd(head: string): number {
  let after = 0;
  for (const m of head.matchAll(SENTENCE_END)) after = m.index + m[0].length;
  return after;
}

/** A dateline at the start of the text or of a line. */
export function findDatelines(text: string, out: FoundSpan[] = []): FoundSpan[] {
  collect(
    text,
    DATELINE,
    (m) => {
      // A headline run into its dateline ("Blast in Peshawar. PESHAWAR, Pakistan — ") is not
      // part of it: the dateline starts after the last sentence's end inside the match.
      const skip = lastSentenceEnd(m[0]);
      const head = m[0].slice(skip);
      return isDatelineHead(head)
        ? { kind: 'dateline', start: m.index + skip, end: m.index + m[0].length }
        : undefined;
    },
    out,
  );
  return out;
}

// --- Contacts and coordinates ----------------------------------------------------------------

const CONTACT_PATTERNS: readonly RegExp[] = [
  /\b(?:https?:\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)]/giu,
  /\b(?:t\.me|telegram\.me|wa\.me|twitter\.com|x\.com|facebook\.com|instagram\.com)\/[\w./-]+/giu,
  /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/gu,
  // A web address without its scheme: "somalimemo.net/articles/41".
  /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|info|io|me|tv|co|news|ru|so|af|pk|ir|iq|sy|ye|ng|ml|bf|ne|kz|uz|tj|kg|ua|tr|uk)\b(?:\/[^\s<>"“”]*[^\s<>"“”.,;:!?)])?/gu,
  /(?<![\w@])@[A-Za-z0-9_]{2,30}\b/gu,
  /(?<![\w+])(?:\+|00)?\d(?:[\s().-]?\d){7,14}\b/gu,
];

/** URLs, e-mail addresses, social-media handles and phone numbers. */
export function findContacts(text: string, out: FoundSpan[] = []): FoundSpan[] {
  for (const pattern of CONTACT_PATTERNS) {
    collect(
      text,
      pattern,
      (m) => {
        // A phone number has 8 or more digits and is not a date or a year range.
        if (/^[+\d(]/.test(m[0]) && !m[0].includes('@')) {
          const digits = m[0].replace(/\D/g, '');
          if (digits.length < 8 || /^\d{4}-\d{2}-\d{2}$/.test(m[0].trim())) return undefined;
        }
        return { kind: 'contact', start: m.index, end: m.index + m[0].length };
      },
      out,
    );
  }
  return out;
}

const COORDINATE_PATTERNS: readonly RegExp[] = [
  /-?\d{1,2}\.\d{2,}\s*°?\s*[NS]?\s*[,/ ]\s*-?\d{1,3}\.\d{2,}\s*°?\s*[EW]?/gu,
  /\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*["″]\s*)?[NSEW](?:[,\s]+\d{1,3}\s*°\s*\d{1,2}\s*['′]\s*(?:\d{1,2}(?:\.\d+)?\s*["″]\s*)?[NSEW])?/gu,
  /\b\d{1,2}[C-HJ-NP-X]\s?[A-HJ-NP-Z]{2}\s?\d{4,10}\b/gu,
];

/** Coordinates written in text: decimal degrees, degrees-minutes-seconds, MGRS grid references. */
export function findCoordinates(text: string, out: FoundSpan[] = []): FoundSpan[] {
  for (const pattern of COORDINATE_PATTERNS) {
    collect(
      text,
      pattern,
      (m) => ({ kind: 'coordinates', start: m.index, end: m.index + m[0].length }),
      out,
    );
  }
  return out;
}

// --- Dates -----------------------------------------------------------------------------------

function monthNumber(word: string): string {
  const prefix = word.replace('.', '').slice(0, 3).toLowerCase();
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(prefix));
  return String(i + 1).padStart(2, '0');
}

const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const DATE_PATTERNS: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string | undefined]> = [
  [
    /\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/gu,
    (m) => `${m[1]}-${m[2]}-${m[3]}`,
  ],
  [
    /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/gu,
    (m) => `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`,
  ],
  // Day/month order is unknowable in "04/05/2024": the year alone is certain.
  [
    /\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b/gu,
    (m) => (m[1]!.length === 4 ? `${m[1]}-??` : undefined),
  ],
  [
    new RegExp(
      `\\b(?:${WEEKDAYS},?\\s+)?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+(${MONTH_WORDS})(?:,?\\s+(\\d{4}))?\\b`,
      'giu',
    ),
    (m) =>
      m[3]
        ? `${m[3]}-${monthNumber(m[2]!)}-${m[1]!.padStart(2, '0')}`
        : `?-${monthNumber(m[2]!)}-${m[1]!.padStart(2, '0')}`,
  ],
  [
    new RegExp(
      `\\b(?:${WEEKDAYS},?\\s+)?(${MONTH_WORDS})\\s+${DAY}(?!\\d)(?:,?\\s+(\\d{4}))?\\b`,
      'giu',
    ),
    (m) =>
      m[3]
        ? `${m[3]}-${monthNumber(m[1]!)}-${m[2]!.padStart(2, '0')}`
        : `?-${monthNumber(m[1]!)}-${m[2]!.padStart(2, '0')}`,
  ],
  [new RegExp(`\\b(${MONTH_WORDS})\\s+(\\d{4})\\b`, 'giu'), (m) => `${m[2]}-${monthNumber(m[1]!)}`],
  // "early June", "mid-March 2024": a part of a month is finer than the month (kept as its month).
  [
    new RegExp(
      `\\b(?:early|mid|late|end of|the end of|the start of|start of)[- ](${MONTH_WORDS})(?:\\s+(\\d{4}))?\\b`,
      'giu',
    ),
    (m) => `${m[2] ?? '?'}-${monthNumber(m[1]!)}-01`,
  ],
  // A weekday or a relative day names a day whatever the month: never left at month precision.
  [
    new RegExp(
      `\\b(?:(?:last|this|next|on|early|late)\\s+)?(?:${WEEKDAYS})(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
      'giu',
    ),
    () => 'day',
  ],
  // Feast days name one day of a year.
  [
    /\b(?:Eid(?:\s+(?:al|ul|el)-?(?:Adha|Fitr|Azha))?(?:\s+day)?|Ashura(?:\s+day)?|Nowruz|Nawruz|Navruz|Mawlid|Arbaeen|Christmas(?:\s+(?:Eve|Day))?|New Year's (?:Eve|Day)|Easter(?:\s+Sunday)?|Good Friday|Orthodox Christmas)\b/gu,
    () => 'day',
  ],
  [
    /\b(?:yesterday|today|tonight|the day before yesterday|(?:two|three|four|five|six|\d) days (?:ago|earlier|later))\b/giu,
    () => 'day',
  ],
];

/**
 * Date expressions: ISO and numeric dates, "3 March 2025", "March 3rd", "Tuesday", "last
 * Tuesday", "yesterday", "March 2025". `value` is `YYYY-MM-DD`, `YYYY-MM`, `?-MM-DD` (no year),
 * `YYYY-??` (day and month unknowable) or `day` (a day with no date).
 */
export function findDateExpressions(text: string, out: FoundSpan[] = []): FoundSpan[] {
  if (
    !/\d|day|night|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Eid|Ashura|Now|Naw|Nav|Mawlid|Arbaeen|Christmas|Easter|Good Friday/i.test(
      text,
    )
  )
    return out;
  for (const [pattern, value] of DATE_PATTERNS) {
    collect(
      text,
      pattern,
      (m) => {
        const v = value(m);
        return {
          kind: 'date',
          start: m.index,
          end: m.index + m[0].length,
          ...(v === undefined ? {} : { value: v }),
        };
      },
      out,
    );
  }
  return out;
}

// --- Names introduced by a title or a role -----------------------------------------------------

/** Titles and role words that stay when the name after them goes ("the provincial governor"). */
export const TITLE_WORDS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sir',
  'sheikh',
  'shaikh',
  'sheik',
  'mullah',
  'mawlawi',
  'maulvi',
  'mawlana',
  'maulana',
  'haji',
  'hajji',
  'qari',
  'imam',
  'ustad',
  'engineer',
  'eng',
  'general',
  'gen',
  'colonel',
  'col',
  'major',
  'maj',
  'captain',
  'capt',
  'lieutenant',
  'lt',
  'sergeant',
  'sgt',
  'commander',
  'cmdr',
  'governor',
  'gov',
  'mayor',
  'minister',
  'president',
  'senator',
  'judge',
  'prosecutor',
  'deputy',
  'chief',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'official',
  'witness',
  'resident',
  'villager',
  'elder',
  'doctor',
  'nurse',
  'teacher',
  'journalist',
  'reporter',
  'activist',
  'lawyer',
  'farmer',
  'driver',
  'shopkeeper',
  'student',
  'cleric',
  'emir',
  'amir',
  'qazi',
  'informant',
  'detainee',
  'suspect',
  'victim',
  'survivor',
  'relative',
  'brother',
  'sister',
  'son',
  'daughter',
  'father',
  'mother',
  'uncle',
  'cousin',
  'nephew',
  'named',
  'identified',
  'mp',
  'councillor',
  'chairman',
  'head',
  'director',
  'officer',
  'inspector',
  'ataman',
  'colonel-general',
  'lieutenant-general',
  'brigadier',
  'constable',
  'sepoy',
  'corporal',
  'private',
  'mufti',
  'ayatollah',
  'rabbi',
  'priest',
  'pastor',
  'bishop',
  'sarkin',
  'blogger',
  'pupil',
  'worker',
  // Given names that are also titles elsewhere ("Wali", "Khan", "Malik") are left out on
  // purpose: removed as names, never kept as titles.
]);
const NAME_TOKEN =
  "(?:\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}?[\\p{Ll}\\p{M}'’]+)*|(?:al|el|ul|ud|ad|ar|as|ash|az|bin|ibn|bint|abu|abd|abdul|van|von|de|di)-\\p{Lu}[\\p{Ll}\\p{M}'’]+|\\p{Lu}\\.)";
const CONNECTOR =
  '(?:\\s+(?:bin|ibn|bint|abu|al|el|ul|ud|ud-din|van|von|de|di|da)(?=\\s+\\p{Lu}))?';
// Case-insensitive titles without the `i` flag, which would let \p{Lu} match small letters too.
const anyCase = (word: string): string => `[${word[0]!.toUpperCase()}${word[0]}]${word.slice(1)}`;
const TITLED_NAME = new RegExp(
  `\\b(?:${[...TITLE_WORDS].map(anyCase).join('|')})\\.?(?:\\s+as|\\s+(?:of|for)\\s+[\\p{L} ]{0,30}?)?,?\\s+(${NAME_TOKEN}(?:${CONNECTOR}\\s+${NAME_TOKEN}){0,3})`,
  'gu',
);
const PARTICLE_NAME = new RegExp(
  `\\b(?:(?:Abu|Abd|Abdul|Abdel|Umm)\\s+\\p{Lu}[\\p{Ll}\\p{M}'’-]+|(?:${NAME_TOKEN}\\s+){1,2}(?:bin|ibn|bint|ul|ud)\\s+${NAME_TOKEN}|${NAME_TOKEN}\\s+(?:al|el|as|ash|ad|az|ar)-\\p{Lu}[\\p{Ll}\\p{M}'’]+)`,
  'gu',
);
const NOT_NAMES = CAPITALISED_NON_NAMES;

/**
 * Names introduced by a title or a role word ("Governor Mohammad Daud Safi", "witness Gul Ahmad",
 * "resident, Bibi Hawa") and names built with Arabic particles ("Abu Omar", "Osama bin Laden",
 * "Abdul-Rahman al-Qureshi"). The span is the name only: the title stays.
 */
export function findTitledNames(text: string, out: FoundSpan[] = []): FoundSpan[] {
  collect(
    text,
    TITLED_NAME,
    (m) => {
      const name = m[1]!;
      const words = name.split(/\s+/);
      // "Governor The …" or "official Police" are not names.
      if (words.every((w) => NOT_NAMES.has(w) || TITLE_WORDS.has(w.toLowerCase())))
        return undefined;
      const start = m.index + m[0].length - name.length;
      return { kind: 'person', start, end: start + name.length };
    },
    out,
  );
  collect(
    text,
    PARTICLE_NAME,
    (m) => ({ kind: 'person', start: m.index, end: m.index + m[0].length }),
    out,
  );
  return out;
}

// --- Places by their shape ---------------------------------------------------------------------

const SHAPE_HEADS = [
  'district',
  'village',
  'town',
  'city',
  'bazaar',
  'market',
  'area',
  'neighbourhood',
  'neighborhood',
  'square',
  'street',
  'road',
  'checkpoint',
  'camp',
  'mosque',
  'hospital',
  'school',
  'base',
  'airport',
  'bridge',
  'dam',
  'valley',
  'crossing',
  'beach',
  'island',
  'lake',
  'river',
  'pass',
  'stadium',
  'church',
  'synagogue',
  'university',
  'mountains',
  'hills',
  'hotel',
  'prison',
  'port',
  'province',
  'governorate',
  'oblast',
  'region',
]
  .map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');
const SHAPED_PLACE = new RegExp(
  `\\b(?:(?:the\\s+)?(?:village|town|city|hamlet|settlement|neighbourhood|neighborhood|suburb|market|bazaar|district|area|outskirts)\\s+of\\s+(${UPPER_WORD}(?:[\\s-]${UPPER_WORD}){0,2})|(${UPPER_WORD}(?:\\s${UPPER_WORD}){0,2})\\s+(${SHAPE_HEADS}))\\b`,
  'gu',
);
const ADMIN1_HEADS = new Set(['province', 'governorate', 'oblast', 'region']);

/** Whether `index` begins a sentence (start of text, after a full stop, or a line break). */
function sentenceStart(text: string, index: number): boolean {
  return /(?:^|[.!?]["'’”)]?\s+|\n)$/u.test(text.slice(Math.max(0, index - 4), index));
}

/**
 * Places recognisable by their shape ("the village of Sangin", "Nad Ali district", "Ghor
 * province"); `level` says whether the place is finer than a first-level area.
 */
export function findShapedPlaces(text: string, out: FoundSpan[] = []): FoundSpan[] {
  collect(
    text,
    SHAPED_PLACE,
    (m) => {
      if (m[1] !== undefined) {
        const start = m.index + m[0].length - m[1].length;
        return { kind: 'place', level: 'city', start, end: start + m[1].length };
      }
      const head = m[3]!.toLowerCase();
      const words = m[2]!.split(/\s+/);
      if (NOT_NAMES.has(words[0]!)) return undefined;
      // A sentence's first word is capitalised as a sentence's, not as a name's: a verb there
      // ("Attacked Crocus City Hall") is not part of the place.
      const verb =
        words.length >= 2 &&
        /^\p{Lu}\p{Ll}+(?:ed|ing)$/u.test(words[0]!) &&
        sentenceStart(text, m.index);
      const start = verb ? m.index + words[0]!.length + 1 : m.index;
      return {
        kind: 'place',
        level: ADMIN1_HEADS.has(head) ? 'admin1' : 'city',
        start,
        end: m.index + m[0].length,
      };
    },
    out,
  );
  return out;
}

// "in Chaghcharan", "near Sangin": a capitalised name after a word of place. A guess: the prose
// module keeps it only where no recogniser explains the name (a country, a group, a month).
const PLACE_WORD = `(?:(?:al|el|ad|an|ar|as|ash|at|az)-)?${UPPER_WORD}`;
const LOCATIVE = new RegExp(
  `\\b(?:in|near|outside|at|from|toward|towards|into|around|across|through|of|off|between|outskirts of)\\s+(${PLACE_WORD}(?:[\\s-]${UPPER_WORD}){0,2})`,
  'gu',
);

/** Capitalised names after a word of place, as guesses of places finer than a country. */
export function findLocativeGuesses(text: string, out: FoundSpan[] = []): FoundSpan[] {
  collect(
    text,
    LOCATIVE,
    (m) => {
      const name = m[1]!.replace(/[.'’]+$/, '');
      if (NOT_NAMES.has(name.split(/[\s-]/)[0]!)) return undefined;
      const start = m.index + m[0].length - m[1]!.length;
      return { kind: 'place', level: 'city', guess: true, start, end: start + name.length };
    },
    out,
  );
  return out;
}
