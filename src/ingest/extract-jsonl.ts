import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { isTearlineError } from '../core/errors.js';
import { toContractJson } from './contract-json.js';
import { extractDocument, type ExtractOptions } from './extract.js';
import type { ExtractErrorLine, ExtractInput } from './extract-types.js';

/** How a JSON Lines run went: lines read, and lines answered with an `error`. */
export interface ExtractJsonlSummary {
  lines: number;
  errors: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Streams `tearline extract`: reads JSON Lines, writes one output line per input line in the
 * same order. A line that cannot be read, or whose document cannot be extracted, gets an
 * `{"id"?, "error"}` line and the run goes on; nothing else is lost.
 *
 * @example const { errors } = await extractJsonLines(process.stdin, process.stdout)
 */
export async function extractJsonLines(
  input: Readable,
  output: Writable,
  options: ExtractOptions = {},
): Promise<ExtractJsonlSummary> {
  const reader = createInterface({ input, crlfDelay: Infinity });
  const summary: ExtractJsonlSummary = { lines: 0, errors: 0 };
  for await (const line of reader) {
    summary.lines++;
    const result = extractLine(line, summary.lines, options);
    if ('error' in result) summary.errors++;
    if (!output.write(`${toContractJson(result)}\n`)) await once(output, 'drain');
  }
  return summary;
}

/**
 * Answers one input line: the contract's output object, or an error line that says what was
 * wrong with it.
 *
 * @example extractLine('{"id":"a","text":""}', 1) // { id: 'a', entities: [], events: [], attributions: [] }
 */
export function extractLine(
  line: string,
  lineNumber: number,
  options: ExtractOptions = {},
): ReturnType<typeof extractDocument> | ExtractErrorLine {
  const parsed = parseInputLine(line, lineNumber);
  if ('error' in parsed) return parsed;
  try {
    return extractDocument(parsed, options);
  } catch (error) {
    const message = isTearlineError(error)
      ? error.message
      : `extraction failed (${error instanceof Error ? error.message : String(error)}); please report this document`;
    return { id: parsed.id, error: `line ${lineNumber}: ${message}` };
  }
}

/**
 * Reads one input line into an `ExtractInput`, ignoring unknown fields, or says what is wrong.
 *
 * @example parseInputLine('{"id":"a","text":"x","lang":"en"}', 1) // { id: 'a', text: 'x' }
 */
export function parseInputLine(line: string, lineNumber: number): ExtractInput | ExtractErrorLine {
  const at = `line ${lineNumber}`;
  if (line.trim() === '') {
    return { error: `${at} is empty; each line must be one JSON object with "id" and "text".` };
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { error: `${at} is not valid JSON (${reason}); write one JSON object per line.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: `${at} is not a JSON object; write {"id": "…", "text": "…"} on each line.` };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id === '') {
    return { error: `${at} has no string "id"; give every document an id.` };
  }
  const id = record.id;
  if (typeof record.text !== 'string') {
    return { id, error: `${at} has no string "text"; put the report body in "text".` };
  }
  const input: ExtractInput = { id, text: record.text };
  if (record.published !== undefined && record.published !== null) {
    if (typeof record.published !== 'string' || !isCalendarDate(record.published)) {
      return {
        id,
        error: `${at}: "published" must be a date written YYYY-MM-DD (got ${JSON.stringify(record.published).slice(0, 40)}).`,
      };
    }
    input.published = record.published;
  }
  if (typeof record.source === 'string') input.source = record.source;
  return input;
}

function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}
