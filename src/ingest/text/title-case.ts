// A headline written in title case ("Suicide Bomber Hits Crocus City Hall") capitalises its verbs
// and nouns as well as its names: there, a capital tells nothing of a name, and a run of capitals
// ending in "Hall" or "Base" is a clause, not a site.

/** The longest line read as a headline, in characters. */
const MAX_HEADLINE = 200;

/** Words a title-case headline may leave in lower case. */
const SMALL_WORDS =
  /^(?:a|an|and|as|at|but|by|for|in|of|on|or|the|to|vs?|with|from|into|over|after)$/i;

/**
 * Whether the line holding `at` is written in title case (or in capitals): at least three words
 * of letters, every one of them capitalised but for short function words, and no full stop at its
 * end. A sentence with one word in lower case is not.
 *
 * @example isTitleCaseLine('Suicide Bomber Hits Crocus City Hall', 10) // true
 */
export function isTitleCaseLine(text: string, at: number): boolean {
  // A headline is short: only a window around `at` is read, so that asking once per name of a
  // long one-line text stays linear in it.
  const before = text.slice(Math.max(0, at - MAX_HEADLINE), at);
  const back = before.lastIndexOf('\n');
  if (back < 0 && at > MAX_HEADLINE) return false;
  const after = text.slice(at, at + MAX_HEADLINE);
  const ahead = after.indexOf('\n');
  if (ahead < 0 && at + MAX_HEADLINE < text.length) return false;
  const line = (before.slice(back + 1) + (ahead < 0 ? after : after.slice(0, ahead))).trim();
  if (line.length > MAX_HEADLINE) return false;
  if (/[.!?]["'’”)]?$/.test(line)) return false;
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || SMALL_WORDS.test(w));
}
