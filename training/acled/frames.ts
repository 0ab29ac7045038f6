import { CIVIL_STRATEGIC_CORES } from './civil-strategic-cores.js';
import { VIOLENCE_CORES } from './violence-cores.js';

/**
 * The four registers an event clause is written in (issue 14): a wire-service lead, an
 * ACLED-style note, an official statement and a local-press paragraph. `{CORE}` is the clause.
 */
export const REGISTER_FRAMES: Readonly<Record<string, string>> = {
  wire: '{CORE} {day}{said}.',
  note: 'On [3|12|21|28] [January|March|June|September|November] [2021|2022|2023], {CORE}.',
  statement:
    '[The defence ministry|The interior ministry|The provincial governor|A police spokesman|The army] said in a statement [on Sunday|on Tuesday|late on Friday|on Wednesday] that {CORE}.',
  press:
    '{CORE}, [residents told local radio|a community leader said|according to a local journalist|witnesses told this newspaper]. [The area has seen similar incidents this year.|Shops stayed closed the next day.|Calm had returned by the evening.|The authorities have not commented.]',
};

const CORES: Readonly<Record<string, readonly string[]>> = {
  ...VIOLENCE_CORES,
  ...CIVIL_STRATEGIC_CORES,
};

/**
 * Templates from the codebook's definitions: every clause of a class in every register, so each
 * of the 25 classes has (clauses × 4) templates, each filled many times with varied slots.
 *
 * @example ACLED_DEFINITION_TEMPLATES['Mob violence'].length // 32
 */
export const ACLED_DEFINITION_TEMPLATES: Readonly<Record<string, readonly string[]>> =
  Object.fromEntries(
    Object.entries(CORES).map(([label, cores]) => [
      label,
      cores.flatMap((core) =>
        Object.values(REGISTER_FRAMES).map((frame) => frame.replace('{CORE}', core)),
      ),
    ]),
  );
