// The extraction thread's entry: extracts one document per message, in arrival order, so that the
// server's event loop never runs the pipeline (ADR 0025).
import { parentPort } from 'node:worker_threads';
import { isTearlineError } from '../../core/errors.js';
import { extractDocument } from '../extract.js';
import type { ExtractReply, ExtractRequest } from './extract-thread-protocol.js';

parentPort!.on('message', (request: ExtractRequest) => {
  let reply: ExtractReply;
  try {
    reply = { id: request.id, result: extractDocument(request.input, request.options) };
  } catch (error) {
    reply = {
      id: request.id,
      error: isTearlineError(error)
        ? {
            message: error.message,
            code: error.code,
            kind: error.kind,
            details: [...error.details],
          }
        : { message: error instanceof Error ? error.message : String(error) },
    };
  }
  parentPort!.postMessage(reply);
});
