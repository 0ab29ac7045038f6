import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The file every reliability test process appends its figures to (one JSON object a line). */
export const FIGURES_FILE =
  process.env.TEARLINE_RELIABILITY_FIGURES ?? join(tmpdir(), 'tearline-reliability-figures.jsonl');

/** One measured figure of the reliability suite, printed in the closing summary. */
export interface Figure {
  /** Section of the summary: crash, load, fuzz, access, backup. */
  readonly area: string;
  /** What was measured, e.g. 'kills survived (import, sqlite)'. */
  readonly name: string;
  readonly value: number | string;
  /** Wall time of the scenario that measured it, printed in the summary. */
  readonly wallMs?: number;
}

/**
 * Records a figure for the summary printed by run-reliability.mjs.
 *
 * @example recordFigure({ area: 'crash', name: 'kills survived (import, sqlite)', value: 4 })
 */
export function recordFigure(figure: Figure): void {
  appendFileSync(FIGURES_FILE, `${JSON.stringify(figure)}\n`);
}
