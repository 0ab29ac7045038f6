import type { Entity, LocationEntity } from '../extract-types.js';

// In diplomatic and official text a country that speaks, signs or is party to an agreement is
// its state acting — an organisation mention, not a place (issue 14, item 7): "Qatar signed the
// accord", "Turkey and Russia agreed", "an agreement between Kabul's neighbours and Iran",
// "working closely with Jordan". The place finder already turns a country followed by a common
// agent verb into an organisation; this pass adds the verbs of diplomacy, countries joined in
// one subject ("X and Y agreed") and countries named as parties after "with"/"between"/"by".
const ACTS_AFTER =
  /^(?:\s*,\s*(?:which|who)\b[^,]{0,60},)?\s+(?:(?:also|later|jointly|formally|separately|immediately|swiftly|publicly|officially|again|has|have|had|will|would|did|did\s+not|has\s+not|have\s+not)\s+)*(?:said|says|stated|announced|signed|ratified|agreed|endorsed|approved|voted|vetoed|abstained|co-?sponsored|sponsored|proposed|welcomed|condemned|denounced|rejected|urged|called|demanded|pledged|promised|vowed|warned|accused|denied|insisted|offered|requested|protested|recogni[sz]ed|expelled|summoned|recalled|imposed|lifted|suspended|joined|hosted|brokered|mediated|negotiated|responded|retaliated|criticized|criticised|blamed|praised|thanked|expressed|reiterated|confirmed|declared|asked|agrees|signs|says|condemns|rejects|urges|calls|supports|backs|opposes)\b/;
// A party named after a preposition: "signed by X", "an accord between X and Y", "talks with X".
const PARTY_BEFORE =
  /\b(?:(?:signed|ratified|endorsed|co-?sponsored|brokered|mediated|proposed|drafted|vetoed)\s+by|(?:agreements?|accords?|deals?|treat(?:y|ies)|talks|negotiations|memorand(?:um|a)|cease-?fires?|truces?|partnerships?|cooperation|dialogue|relations|ties|alliance|summit|meeting|pact)\s+(?:\w+\s+){0,2}(?:between|with)|(?:signed|agreed|cooperat(?:e|es|ed|ing)|work(?:s|ed|ing)?(?:\s+closely)?|partner(?:s|ed|ing)?|negotiat(?:e|es|ed|ing)|coordinat(?:e|es|ed|ing)|met|meet(?:s|ing)?|stand(?:s|ing)?(?:\s+[\w-]+){0,3})\s+with|on\s+behalf\s+of|(?:will|to|would)\s+join|joined\s+forces\s+with)\s+(?:the\s+)?$/i;
// "the U.S.-Iraq partnership", "Russia-Ukraine talks": states joined as the parties of a relation.
const PAIR_RELATION =
  /^\s+(?:partnership|relations?|ties|talks|negotiations|agreement|accord|deal|treaty|pact|alliance|cooperation|dialogue|summit|border\s+(?:deal|agreement|talks)|rapprochement|dispute|rift|standoff|tensions)\b/i;
const PLACE_BEFORE =
  /\b(?:in|at|from|near|across|throughout|inside|outside|around|within|into)\s+(?:the\s+)?(?:\w+\s+)?$/i;
const JOIN = /^\s*(?:,|and|,\s*and|as\s+well\s+as)\s+(?:the\s+)?$/;

function isCountry(e: Entity): e is LocationEntity {
  return e.type === 'location' && e.geo_precision === 3 && !e.admin1 && e.country !== undefined;
}

/**
 * Rewrites countries acting as speakers, signatories or parties into organisation mentions.
 * A run of countries joined by "and" or commas acts together: the verb after the last one, or the
 * preposition before the first, decides for all of them.
 *
 * @example toStateSpeakers('Turkey and Russia agreed.', entities) // both organisations
 */
export function toStateSpeakers(text: string, entities: readonly Entity[]): Entity[] {
  const out = [...entities];
  let i = 0;
  while (i < out.length) {
    const first = out[i]!;
    if (!isCountry(first) && !(first.type === 'organization' && first.canonical !== undefined)) {
      i++;
      continue;
    }
    // The run of country (or already-acting state) mentions joined by "and"/commas.
    let j = i;
    while (
      j + 1 < out.length &&
      (isCountry(out[j + 1]!) || out[j + 1]!.type === 'organization') &&
      JOIN.test(text.slice(out[j]!.end, out[j + 1]!.start))
    )
      j++;
    const last = out[j]!;
    const pair =
      (i > 0 &&
        out[i - 1]!.end === first.start - 1 &&
        text[first.start - 1] === '-' &&
        (out[i - 1]!.type === 'organization' || isCountry(out[i - 1]!))) ||
      (j + 1 < out.length && text[last.end] === '-' && out[j + 1]!.start === last.end + 1);
    const relationEnd = pair && text[last.end] === '-' ? out[j + 1]!.end : last.end;
    const acts =
      (pair && PAIR_RELATION.test(text.slice(relationEnd, relationEnd + 40))) ||
      // "officials in Iraq said": the place where the speakers are, not the state speaking.
      (ACTS_AFTER.test(text.slice(last.end, last.end + 90)) &&
        !PLACE_BEFORE.test(text.slice(Math.max(0, first.start - 24), first.start))) ||
      PARTY_BEFORE.test(text.slice(Math.max(0, first.start - 60), first.start));
    if (acts) {
      for (let k = i; k <= j; k++) {
        const e = out[k]!;
        if (!isCountry(e)) continue;
        out[k] = {
          type: 'organization',
          text: e.text,
          start: e.start,
          end: e.end,
          canonical: e.text.replace(/^the\s+/i, ''),
        };
      }
    }
    i = j + 1;
  }
  return out;
}
