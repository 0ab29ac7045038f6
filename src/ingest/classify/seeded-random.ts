/**
 * A small deterministic random source (mulberry32) so that training data and training order
 * are the same on every run and machine.
 *
 * @example const random = createSeededRandom(42); random() // 0.6011037519201636
 */
export function createSeededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
