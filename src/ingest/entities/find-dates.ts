import type { DateEntity } from '../extract-types.js';
import type { DocumentContext } from './document-context.js';
import { datelineSpans } from '../events/dateline.js';
import { findRelativeDays } from './relative-days.js';
import { parseChrono, toResolvedDate } from './resolve-date.js';

// chrono runs only on sentences with one of these words: it is the costliest finder by far.
const TRIGGER =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:[Tt]oday|[Yy]esterday|[Tt]onight|ago)\b|\b(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Ee]arlier|[Ll]ater)\s+(?:week|weekend|month|year|night|morning|evening|decade|spring|summer|autumn|fall|winter|\d+|few|several|two|three)\b|\b(?:19|20)\d\d\b|\b\d{1,2}\/\d{1,2}\b/;
const YEAR =
  /\b(?:in|since|by|during|until|from|of|before|after|early|late|mid-|mid|through)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:people|fighters|troops|soldiers|civilians|members))/gi;
const DURATION =
  /^(?:for|over|within|during)\s+(?:(?:the\s+)?(?:past|last|next|following)\s+)?[\w\s-]*?\b(?:minutes?|hours?|days?|weeks?|months?|years?)[\s,.;:]*$/i;
const NUMBER_WORD = String.raw`(?:\d+|a\s+few|few|several|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|forty-five|\d+-plus)`;
const PERIOD = new RegExp(
  String.raw`\b(?:(?:the\s+)?(?:past|last|next|previous|coming|following|first|final)\s+(?:${NUMBER_WORD}\s+)?(?:hours?|days?|weeks?|months?|years?|decades?)|${NUMBER_WORD}\s+(?:minutes|hours|days|weeks|months|years|decades)|(?:the\s+)?following\s+day|(?:later|earlier)\s+in\s+the\s+day|(?:this|last|next)\s+(?:week|weekend|month|year|spring|summer|autumn|fall|winter)|(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+\d{4})\b`,
  'gi',
);

/**
 * Finds dates and periods: absolute and relative dates through chrono (resolved against
 * `published`), years after a preposition ("since 2004"), and periods ("the past 24 hours",
 * "two weeks") kept without a value; "the next day" and "two days later" against the day told before.
 *
 * @example findDates(createDocumentContext('On March 22 gunmen struck.', '2024-06-10'))[0]?.value
 */
export function findDates(context: DocumentContext): DateEntity[] {
  const { text, published } = context;
  const found: DateEntity[] = [];
  for (const sentence of context.sentences) {
    const from = sentence.start;
    const part = text.slice(from, sentence.end);
    TRIGGER.lastIndex = 0;
    if (!TRIGGER.test(part)) continue;
    {
      for (const result of parseChrono(part, published)) {
        // A bare hour or "now" is not a date of the events reported.
        if (
          /^(?:now|noon|midnight|tonight)$/i.test(result.text) ||
          /^\d{1,2}(?::\d\d)?$/.test(result.text)
        )
          continue;
        if (/^(?:this|last|next|the)\s*$/i.test(result.text)) continue;
        // "march" and "may" in lower case are verbs; "15 to 20" and "morning" are not dates alone.
        if (
          /^(?:march|may)\b/.test(result.text) ||
          /^[\d\s,.:-]+(?:to|and)?[\d\s,.:-]*$/.test(result.text)
        )
          continue;
        if (/^(?:the\s+)?(?:morning|afternoon|evening|night)$/i.test(result.text)) continue;
        // "for two hours", "over three days": how long something lasted, not when (chrono counts
        // it from the publication, even forward). PERIOD below keeps it as a period.
        if (DURATION.test(result.text)) continue;
        const start = from + result.index;
        // chrono keeps a trailing comma ("on Tuesday,"); the span ends at the last word.
        const words = result.text.replace(/[\s,;:]+$/, '');
        const entity: DateEntity = { type: 'date', text: words, start, end: start + words.length };
        const resolved = toResolvedDate(result, published);
        if (resolved) Object.assign(entity, resolved);
        found.push(entity);
      }
    }
  }
  for (const m of text.matchAll(YEAR)) {
    const start = m.index + m[0].length - m[1]!.length;
    found.push({
      type: 'date',
      text: m[1]!,
      start,
      end: start + 4,
      value: m[1]!,
      time_precision: 3,
    });
  }
  // "The next day" is the story's day after the last one told, not the day after publication.
  const relative = findRelativeDays(text, found, datelineSpans(text));
  if (relative.length > 0) {
    const taken = new Uint8Array(text.length + 1);
    for (const r of relative) taken.fill(1, r.start, r.end);
    const over = (d: DateEntity): boolean => taken[d.start] === 1 || taken[d.end - 1] === 1;
    found.splice(0, found.length, ...found.filter((d) => !over(d)), ...relative);
  }
  for (const m of text.matchAll(PERIOD)) {
    if (found.some((d) => d.start < m.index + m[0].length && m.index < d.end)) continue;
    found.push({ type: 'date', text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return found;
}
