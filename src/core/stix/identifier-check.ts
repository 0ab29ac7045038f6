// Character classes as bit tests on char codes: this runs for every id and reference of every
// imported object, where the equivalent regular expression was the largest single cost of
// validation (docs/adr/0015-bulk-write-and-release-speed.md).
const UUID_LENGTH = 36;
const SEPARATOR_LENGTH = 2;

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const HYPHEN = 45;

/** `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}` at `at`. */
function isUuidAt(value: string, at: number): boolean {
  for (let i = 0; i < UUID_LENGTH; i++) {
    const c = value.charCodeAt(at + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== HYPHEN) return false;
    } else if (i === 14) {
      if (c < 49 || c > 53) return false; // version 1–5
    } else if (i === 19) {
      if (c !== 56 && c !== 57 && c !== 97 && c !== 98 && c !== 65 && c !== 66) return false;
    } else if (!isHex(c)) return false;
  }
  return true;
}

/**
 * True when `value` matches the identifier pattern of the official schemas
 * (`^[a-z][a-z0-9-]+[a-z0-9]--<uuid v1–5>$`, common/identifier.json), without a regular
 * expression. The type part may itself hold "--", so the separator is the one before the last 36
 * characters.
 *
 * @example isStixIdentifier('incident--6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b') // true
 */
export function isStixIdentifier(value: string): boolean {
  const typeLength = value.length - UUID_LENGTH - SEPARATOR_LENGTH;
  if (typeLength < 3) return false;
  if (value.charCodeAt(typeLength) !== HYPHEN || value.charCodeAt(typeLength + 1) !== HYPHEN)
    return false;
  if (!isLower(value.charCodeAt(0))) return false;
  for (let i = 1; i < typeLength - 1; i++) {
    const c = value.charCodeAt(i);
    if (!isLower(c) && !isDigit(c) && c !== HYPHEN) return false;
  }
  const last = value.charCodeAt(typeLength - 1);
  if (!isLower(last) && !isDigit(last)) return false;
  return isUuidAt(value, typeLength + SEPARATOR_LENGTH);
}
