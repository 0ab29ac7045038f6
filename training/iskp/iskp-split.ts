import { createSeededRandom } from '../../src/ingest/classify/seeded-random.js';
import type { IskpReport } from './iskp-reports.js';
import { ISKP_REPORTS } from './iskp-reports.js';
import { MORE_ISKP_REPORTS } from './iskp-reports-2.js';

/** The same seed as the dev sets' split (training/eval/split-dev-sets.mjs). */
const SEED = 20261206;

function deal(reports: readonly IskpReport[]): { look: IskpReport[]; held: IskpReport[] } {
  const random = createSeededRandom(SEED);
  const order = reports.map((r) => ({ r, key: random() })).sort((a, b) => a.key - b.key);
  const look: IskpReport[] = [];
  const held: IskpReport[] = [];
  order.forEach(({ r }, i) => (i % 2 === 0 ? look : held).push(r));
  const byId = (a: IskpReport, b: IskpReport): number => a.id.localeCompare(b.id);
  return { look: look.sort(byId), held: held.sort(byId) };
}

const dealt = deal(MORE_ISKP_REPORTS);

/**
 * The ISKP reports in two halves. The first twenty were read while rules were written, so they
 * are all in the look half; the later ones are dealt once with a fixed seed, and the held-back
 * half is only scored, never read for errors.
 */
export const ISKP_HALVES: Readonly<Record<'look' | 'held' | 'all', readonly IskpReport[]>> = {
  look: [...ISKP_REPORTS, ...dealt.look],
  held: dealt.held,
  all: [...ISKP_REPORTS, ...MORE_ISKP_REPORTS],
};
