import type { Span } from '../extract-types.js';

/**
 * Cuts a long text into sections of at most `max` code units: at the last paragraph break
 * (a blank line, else a line break) of each section's second half, else after the last full
 * stop followed by a space, else after the last space, else at `max` (never inside a surrogate
 * pair). Sections cover the text in order without gaps, so a section's offset maps its spans back.
 *
 * @example splitSections('a\n\nb', 3) // [{start:0,end:3},{start:3,end:4}]
 */
export function splitSections(text: string, max: number): Span[] {
  const sections: Span[] = [];
  let start = 0;
  while (text.length - start > max) {
    const end = cutAt(text, start, start + max);
    sections.push({ start, end });
    start = end;
  }
  if (start < text.length || sections.length === 0) sections.push({ start, end: text.length });
  return sections;
}

function cutAt(text: string, start: number, limit: number): number {
  const half = start + Math.floor((limit - start) / 2);
  const window = text.slice(half, limit);
  for (const breakAt of [/\n[ \t]*\n/g, /\n/g, /[.!?]["”’)]*\s/g, /\s/g]) {
    let last = -1;
    for (const m of window.matchAll(breakAt)) last = m.index + m[0].length;
    if (last > 0) return half + last;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
