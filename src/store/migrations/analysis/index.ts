import type { MigrationSet } from '../migration.js';
import { migration0400 } from './0400-analysis-facts.js';
import { migration0401 } from './0401-analysis-judgments.js';
import { migration0402 } from './0402-analysis-aggregates.js';
import { migration0410 } from './0410-analysis-count-ranges.js';

/** The analysis area's migrations, in order. */
export const analysisMigrations: MigrationSet = {
  '0400-analysis-facts': migration0400,
  '0401-analysis-judgments': migration0401,
  '0402-analysis-aggregates': migration0402,
  '0410-analysis-count-ranges': migration0410,
};
