// A headline written in title case ("Suicide Bomber Hits Crocus City Hall") capitalises its verbs
// and nouns as well as its names: there, a capital tells nothing of a name, and a run of capitals
// ending in "Hall" or "Base" is a clause, not a site.

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
  const from = text.lastIndexOf('\n', at - 1) + 1;
  const next = text.indexOf('\n', at);
  const line = text.slice(from, next < 0 ? text.length : next).trim();
  if (/[.!?]["'’”)]?$/.test(line)) return false;
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 3) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || SMALL_WORDS.test(w));
}
