/**
 * True when the bytes look like a binary file rather than text: a NUL byte in the first 8 KB, or
 * more than 10% control characters there. (The same rule git and file(1) use, roughly.)
 *
 * @example isBinary(Buffer.from('plain text')) // false
 */
export function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control / sample.length > 0.1;
}
