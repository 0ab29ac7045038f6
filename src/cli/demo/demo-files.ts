import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TearlineError } from '../../core/errors.js';
import { parseAdmiraltyGrade, type AdmiraltyGrade } from '../../core/vocab/admiralty.js';

/** The demo folder shipped with the repository (demo/README.md). */
export const DEMO_DIR = fileURLToPath(new URL('../../../demo/', import.meta.url));

/** One demo report: its header fields and body. */
export interface DemoReport {
  file: string;
  title: string;
  source: string;
  published: string;
  grade: AdmiraltyGrade;
  text: string;
}

/**
 * Reads the demo's reports, oldest first. Each file is a header (`Title:`, `Source:`,
 * `Published:`, `Grade:`), a blank line and the body.
 *
 * @example const reports = readDemoReports(DEMO_DIR)
 */
export function readDemoReports(dir: string = DEMO_DIR): DemoReport[] {
  const folder = join(dir, 'reports');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => parseDemoReport(name, readFileSync(join(folder, name), 'utf8')))
    .sort((a, b) => a.published.localeCompare(b.published) || a.file.localeCompare(b.file));
}

/** Parses one demo report file. */
export function parseDemoReport(file: string, content: string): DemoReport {
  const split = content.replace(/\r\n?/g, '\n').indexOf('\n\n');
  const header = split < 0 ? '' : content.slice(0, split);
  const fields = new Map(
    header.split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()] as const;
    }),
  );
  const grade = parseAdmiraltyGrade(fields.get('grade') ?? '');
  const published = fields.get('published') ?? '';
  if (split < 0 || !fields.get('title') || !/^\d{4}-\d{2}-\d{2}$/.test(published) || !grade) {
    throw new TearlineError(
      'TEARLINE_E_DEMO_BAD_FILE',
      `Demo report ${file} needs a header with Title, Published (YYYY-MM-DD) and Grade (e.g. B2), then a blank line.`,
    );
  }
  return {
    file,
    title: fields.get('title')!,
    source: fields.get('source') || 'Demo Wire',
    published,
    grade,
    text: content.slice(split + 2).trim(),
  };
}

/** The demo's judgments, partners and agreements (demo/demo.json). */
export interface DemoPlan {
  actor: string;
  homeCountries: string[];
  /** Home countries of other actors the demo names, by name. */
  otherHomeCountries?: Record<string, string[]>;
  users: Array<{ username: string; displayName: string; roles: string[] }>;
  assessments: Array<{
    after: string;
    validFrom: string;
    author: string;
    capability: string;
    intent: string;
    analyticConfidence: string;
    regionCountries: string[];
    targetDescription: string;
    rationale: string;
    /** Words that pick the evidence: the reports (and their incidents) whose text holds them. */
    evidence: string[];
  }>;
  collectionGap: Record<string, unknown>;
  partners: Array<{
    name: string;
    trustTier: string;
    agreement: {
      title: string;
      tlp: string;
      iep?: Record<string, string>;
      reason: string;
      conditions?: Array<{ text: string; reviewInDays: number; expiresInDays: number }>;
    };
    release: { select: string[]; transforms: unknown[] };
  }>;
}

/** Reads demo/demo.json. */
export function readDemoPlan(dir: string = DEMO_DIR): DemoPlan {
  return JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as DemoPlan;
}
