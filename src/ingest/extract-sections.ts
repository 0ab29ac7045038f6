import type { Attribution, ExtractedEvent, Span } from './extract-types.js';
import type { ExtractResult } from './extract.js';
import { splitSections } from './text/split-sections.js';

/**
 * Extracts a long text section by section (paragraph or sentence boundaries, see
 * {@link splitSections}) with `extractOne`, and maps every span back to the whole text's offsets:
 * the cost of a section is bounded, so the whole stays linear in the text. The first section's
 * events come first (the lead tells the main incident), and its language is the report's, as the
 * opening of an unsectioned text tells it.
 *
 * @example extractInSections(input, 250_000, (part) => extractDocument(part))
 */
export function extractInSections(
  input: { id: string; text: string },
  sectionChars: number,
  extractOne: (text: string) => ExtractResult,
): ExtractResult {
  const out: ExtractResult = { id: input.id, entities: [], events: [], attributions: [] };
  for (const [index, section] of splitSections(input.text, sectionChars).entries()) {
    const part = extractOne(input.text.slice(section.start, section.end));
    if (index === 0 && part.language !== undefined) out.language = part.language;
    const shift = section.start;
    for (const e of part.entities) out.entities.push(moved(e, shift));
    for (const e of part.events) out.events.push(movedEvent(e, shift));
    for (const a of part.attributions) out.attributions.push(movedAttribution(a, shift));
  }
  return out;
}

function moved<T extends Span>(span: T, shift: number): T {
  return { ...span, start: span.start + shift, end: span.end + shift };
}

function movedEvent(event: ExtractedEvent, shift: number): ExtractedEvent {
  return { ...event, evidence: event.evidence.map((s) => moved(s, shift)) };
}

function movedAttribution(a: Attribution, shift: number): Attribution {
  return { ...moved(a, shift), claim: moved(a.claim, shift) };
}
