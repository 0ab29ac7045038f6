import { TearlineError } from '../errors.js';
import type { ObjectRepository, PutObjectsOptions } from '../ports/object-repository.js';
import type { StixObject } from './stix-object.js';
import { validateBundle } from './validate-bundle.js';
import type { ValidationIssue } from './validation-issue.js';

/** What an import did (or, on a dry run, would do). */
export interface ImportSummary {
  dryRun: boolean;
  /** Object versions in the bundle. */
  objects: number;
  /** Versions newly stored (0 on a dry run). */
  inserted: number;
  /** Versions already stored (0 on a dry run). */
  unchanged: number;
  /** Referenced ids neither in the bundle nor in the store (empty on a dry run). */
  dangling: string[];
  /** Objects per type. */
  types: Record<string, number>;
}

/**
 * Parses the text of a STIX 2.1 bundle, telling "not JSON at all" from "malformed JSON".
 *
 * @example parseBundleJson('{"type":"bundle",…}')
 */
export function parseBundleJson(text: string): unknown {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  // JSON texts start with one of these; anything else (PDF, HTML, binary) is not JSON at all.
  if (start.length === 0 || !/^[[{"\-0-9tfn]/.test(start) || text.includes('\u0000')) {
    throw new TearlineError(
      'TEARLINE_E_IMPORT_NOT_JSON',
      'The input is not JSON; give a STIX 2.1 bundle (a JSON object with "type": "bundle").',
    );
  }
  try {
    return JSON.parse(start);
  } catch (error) {
    throw new TearlineError(
      'TEARLINE_E_IMPORT_MALFORMED_JSON',
      `The input is malformed JSON (${(error as Error).message}); fix the file and import it again.`,
    );
  }
}

function toDetails(issues: readonly ValidationIssue[]) {
  return issues.map((i) => ({ subject: i.id, path: i.path || undefined, message: i.message }));
}

/**
 * Parses and validates the text of a bundle, returning its objects, or refuses it with a coded
 * error (kind input) listing every offending id and JSON path.
 *
 * @example const objects = checkStixBundle(text)
 */
export function checkStixBundle(text: string): StixObject[] {
  const { objects, issues, envelopeValid } = validateBundle(parseBundleJson(text));
  if (!envelopeValid) {
    throw new TearlineError(
      'TEARLINE_E_IMPORT_BAD_BUNDLE',
      'The input is not a STIX 2.1 bundle ({"type": "bundle", "id": "bundle--<uuid>", "objects": […]}); nothing was imported.',
      { details: toDetails(issues) },
    );
  }
  if (issues.length > 0) {
    const bad = new Set(issues.map((i) => i.id)).size;
    throw new TearlineError(
      'TEARLINE_E_IMPORT_INVALID_OBJECTS',
      `${bad} of ${objects.length} objects are not valid STIX 2.1 (${issues.length} problems); nothing was imported.`,
      { details: toDetails(issues) },
    );
  }
  return objects;
}

/**
 * What a dry run reports: the objects a bundle holds, per type, with nothing written.
 *
 * @example toDryRunSummary(checkStixBundle(text)).objects // 3
 */
export function toDryRunSummary(objects: readonly StixObject[]): ImportSummary {
  const types: Record<string, number> = {};
  for (const o of objects) types[o.type] = (types[o.type] ?? 0) + 1;
  return { dryRun: true, objects: objects.length, inserted: 0, unchanged: 0, dangling: [], types };
}

/**
 * Stores checked objects in one transaction (or, on a dry run, only counts them).
 *
 * @example const summary = await importStixObjects(store.objects, checkStixBundle(text))
 */
export async function importStixObjects(
  repository: ObjectRepository,
  objects: readonly StixObject[],
  options: { dryRun?: boolean } & PutObjectsOptions = {},
): Promise<ImportSummary> {
  const summary = toDryRunSummary(objects);
  if (options.dryRun) return summary;
  if (objects.length === 0) return { ...summary, dryRun: false };
  const result = await repository.putObjects(objects, { onProgress: options.onProgress });
  return { ...summary, dryRun: false, ...result };
}

/**
 * Validates a whole bundle and stores every object version in one transaction, or refuses it
 * having written nothing.
 *
 * @example const summary = await importStixBundle(store.objects, text)
 */
export async function importStixBundle(
  repository: ObjectRepository,
  text: string,
  options: { dryRun?: boolean } & PutObjectsOptions = {},
): Promise<ImportSummary> {
  return importStixObjects(repository, checkStixBundle(text), options);
}
