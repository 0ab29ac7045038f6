import type { Entity } from '../extract-types.js';

/**
 * A wire dateline: the place (and often the day) of writing at the head of a report or of a
 * paragraph — "KABUL, 3 March —", "ISLAMABAD, Oct 16 (Reuters) -", "Peshawar, Pakistan —".
 * It says where the reporter was, not where the event happened.
 */
const DATELINE =
  /(?:^|\n)[ \t]*((?:[A-Z][A-Za-z.'-]+)(?:[ -][A-Z][A-Za-z.'-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?(?:,?\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?\s*(?:\([^)\n]{1,40}\)\s*)?)(?:—|–|--|-)\s/g;

/**
 * Entities that stand inside a dateline: neither the event's place nor its date. The entities
 * themselves stay (they are mentions); only the event arguments leave them out.
 *
 * @example datelineEntities('KABUL, 3 March — A bomb exploded in Kandahar.', entities)
 */
export function withoutDatelines(text: string, entities: readonly Entity[]): Entity[] {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(DATELINE)) {
    const head = m[1]!;
    // A dateline is short and opens with an all-caps place or a place and a date.
    const start = m.index + m[0].indexOf(head);
    const place = /^[A-Z][A-Za-z.'-]+/.exec(head)?.[0] ?? '';
    const upper = place.length >= 3 && place === place.toUpperCase();
    const dated = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(head);
    if (head.length > 60 || (!upper && !dated)) continue;
    spans.push([start, start + head.length]);
  }
  if (spans.length === 0) return [...entities];
  return entities.filter(
    (e) =>
      !(
        (e.type === 'location' || e.type === 'date') &&
        spans.some(([s, t]) => e.start >= s && e.end <= t)
      ),
  );
}
