import type { QuantityEntity } from '../extract-types.js';
import { VAGUE_COUNTS, parseNumber, readCountPhrase } from '../text/count-phrase.js';

export { parseNumber };

const WORD_NUMBER = String.raw`(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+(?:hundred|thousand|million|billion))*)`;
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:hundred|thousand|million|billion))?`;
const VAGUE_WORDS = String.raw`(?:hundreds\s+of\s+thousands|tens\s+of\s+thousands|a\s+few|a\s+dozen|dozens|hundreds|thousands|millions|several|scores|tens|dozen|few|multiple|numerous)`;
const NUMBER = String.raw`(?:${DIGITS}|${WORD_NUMBER})`;
const PREFIX = String.raw`(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|approximately|some|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|roughly|an\s+estimated|estimated)\s+)?`;
const UNIT = String.raw`(?:\s*(?:percent|per\s+cent|%)|\s+(?:square\s+)?(?:kilometers|kilometres|km|miles|meters|metres|feet|tons|tonnes|kilograms|kg))?`;
const UNIT_TAIL = new RegExp(`${UNIT}\\s*$`, 'i');
const QUANTITY = new RegExp(
  String.raw`(?<![\w.,-])(?:${PREFIX}(?:between\s+)?(${NUMBER})(?:-plus|\+)?(?:\s*(?:-|–|to|and)\s*(${NUMBER}))?${UNIT}|(${VAGUE_WORDS}))(?![\w-]|\.\d|,\d)`,
  'gi',
);

// Money is no count of people or things (issue 14, item 7): "$5 million", "US$ 20", "40 million
// euros". The symbol before, or the currency word after, marks it.
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:US|USD|EUR|GBP|Rs\.?|AED|SAR)\s?)\s*$/;
const CURRENCY_AFTER =
  /^\s*(?:(?:million|billion|thousand)\s+)?(?:(?:US|U\.S\.|American|Canadian|Australian)\s+)?(?:dollars?|euros?|pounds?(?:\s+sterling)?|afghanis?|rupees?|riyals?|rials?|dinars?|dirhams?|lira|liras|rubles?|roubles?|yuan|yen|francs?|shillings?|nairas?|birr|cedis?|USD|EUR|GBP)\b/i;
// A number that names a document, a clause or an item is no quantity: "Resolution 2254",
// "Article 51", "No. 3", "Passcode 3080897", "Flight 17", "Phase 2".
const DESIGNATOR_BEFORE =
  /\b(?:[Rr]esolutions?|[Aa]rticles?|[Ss]ections?|[Cc]hapters?|[Pp]aragraphs?|[Cc]lauses?|[Dd]ecrees?|[Oo]rdinances?|[Dd]irectives?|[Rr]egulations?|[Pp]rotocols?|[Aa]mendments?|[Aa]nnex|[Aa]ppendix|[Ii]tems?|[Nn]o\.|[Nn]os\.|[Nn]umber|[Pp]asscode|[Pp]assword|[Cc]ode|PIN|[Ee]xt\.?|[Ee]xtension|[Pp]hase|[Ff]light|[Rr]oute|[Hh]ighway|[Rr]oom|[Gg]ate|[Ll]evel|[Pp]age|[Vv]olume|[Ss]eason|[Ee]pisode|[Bb]ill|[Ll]aw|[Aa]ct|[Oo]rder)\s+$|#\s*$/;
// A capitalised number word after a unit's name ("Mobile Unit Two", "Task Group Five") is its part.
const NAME_BEFORE =
  /\b(?:Unit|Group|Team|Force|Squadron|Fleet|Division|Brigade|Battalion|Company|Platoon|Detachment|Wing|Regiment|Corps|Element|Section|Cell)\s+$/;

/**
 * Finds quantities with their range: numbers, number words, "at least 60", "15 to 20
 * percent", and vague words read as ACLED does (several = 3, dozens = 12, hundreds = 100).
 *
 * @example findQuantities('hundreds were injured')[0] // {text:'hundreds', min:100, max:999, …}
 */
export function findQuantities(text: string): QuantityEntity[] {
  const found: QuantityEntity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    let phrase = m[0];
    let start = m.index;
    const before = text.slice(Math.max(0, start - 24), start);
    if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(text.slice(start + phrase.length)))
      continue;
    if (/^[\d#]/.test(phrase) && DESIGNATOR_BEFORE.test(before)) continue;
    if (/^[A-Z][a-z]/.test(phrase) && NAME_BEFORE.test(before)) continue;
    const entity: QuantityEntity = {
      type: 'quantity',
      text: phrase,
      start,
      end: start + phrase.length,
    };
    if (m[3]) {
      const key = m[3].toLowerCase().replace(/\s+/g, ' ');
      // "some" and "few" alone are too often not counts ("some officials", "few doubt").
      if (key === 'some' || key === 'few') continue;
      const range = VAGUE_COUNTS[key];
      if (range) [entity.min, entity.max] = range;
    } else {
      const low = parseNumber(m[1]!);
      if (low === undefined) continue;
      // A designation is no count: "CTF 50", "DDG 70", "MQ-9", "KC-135", "Su-25".
      if (
        /(?:^|[^\w])[A-Z][A-Za-z]{0,4}[- ]$/.test(text.slice(Math.max(0, start - 7), start)) &&
        !/^\s/.test(phrase) &&
        /^[A-Z]{1,5}$|^[A-Z][a-z]$/.test(
          /([A-Za-z]+)[- ]$/.exec(text.slice(Math.max(0, start - 7), start))?.[1] ?? '',
        )
      )
        continue;
      // A bare year ("in 2021") is a date, not a count.
      if (/^(?:1[89]|20)\d\d$/.test(phrase.trim())) continue;
      // The range is read as the casualty counts are (one parser): "more than 70" is {min: 71}.
      const range = readCountPhrase(phrase.replace(UNIT_TAIL, ''));
      if (!range) continue;
      entity.min = range.min;
      if (range.max !== undefined) entity.max = range.max;
    }
    // A lone "a"/"an" is matched only with a scale ("a hundred"); trailing spaces never count.
    phrase = phrase.replace(/\s+$/, '');
    if (/^(?:a|an)$/i.test(phrase)) continue;
    entity.text = phrase;
    entity.end = start + phrase.length;
    start = entity.start;
    found.push(entity);
  }
  return found;
}
