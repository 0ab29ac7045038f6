import type { ExtractInput } from '../extract-types.js';
import type { ActorRecord } from '../gazetteer/actor-record.js';
import type { ExtractResult } from '../extract.js';

/** What the server's thread sends the extraction thread: one document (plain data only). */
export interface ExtractRequest {
  id: number;
  input: ExtractInput;
  options: { knownActors?: readonly ActorRecord[]; maxChars?: number; sectionChars?: number };
}

/** What comes back: the result, or the error with what a TearlineError carries. */
export type ExtractReply =
  | { id: number; result: ExtractResult }
  | {
      id: number;
      error: { message: string; code?: string; kind?: string; details?: unknown[] };
    };
