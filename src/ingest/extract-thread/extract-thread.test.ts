import { it } from 'node:test';
import assert from 'node:assert/strict';
import { isTearlineError } from '../../core/errors.js';
import { extractDocument } from '../extract.js';
import { createExtractThread } from './extract-thread.js';

it('extracts on its own thread what extractDocument extracts, and passes its errors on', async () => {
  const thread = createExtractThread();
  try {
    const input = {
      id: 'r1',
      text: 'A car bomb killed 12 people in Kabul on Monday.',
      published: '2024-06-10',
    };
    assert.deepEqual(await thread.extract(input), extractDocument(input));
    await assert.rejects(
      thread.extract({ id: 'r2', text: 'x'.repeat(50) }, { maxChars: 10 }),
      (error) => isTearlineError(error) && error.code === 'TEARLINE_E_EXTRACT_TOO_LARGE',
    );
  } finally {
    await thread.close();
  }
  await assert.rejects(
    (async () => {
      const closed = createExtractThread();
      const pending = closed.extract({ id: 'r3', text: 'Gunmen attacked a checkpoint.' });
      await closed.close();
      return pending;
    })(),
    /closed|stopped/,
  );
});
