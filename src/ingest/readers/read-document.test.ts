import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDocument } from './read-document.js';
import { detectLanguage } from './detect-language.js';
import { buildPdf } from '../../../test/support/build-pdf.js';

describe('readDocument', () => {
  it('reads plain text and normalises line endings', async () => {
    const doc = await readDocument(
      Buffer.from('\uFEFFA bomb exploded in the city.\r\nOfficials said three died.'),
      {
        origin: 'paste',
      },
    );
    assert.equal(doc.text, 'A bomb exploded in the city.\nOfficials said three died.');
    assert.equal(doc.mediaType, 'text/plain');
  });

  it('sniffs HTML without a media type', async () => {
    const doc = await readDocument(
      Buffer.from(
        '<html><body><p>Troops clashed with rebels near the river on Friday.</p></body></html>',
      ),
      {
        origin: 'upload',
      },
    );
    assert.equal(doc.mediaType, 'text/html');
    assert.equal(doc.text, 'Troops clashed with rebels near the river on Friday.');
  });

  it('reads the text layer of a PDF', async () => {
    const pdf = buildPdf([
      'Militants attacked an army post on Tuesday,',
      'killing four soldiers, the ministry said.',
    ]);
    const doc = await readDocument(pdf, { origin: 'report.pdf' });
    assert.equal(doc.mediaType, 'application/pdf');
    assert.equal(
      doc.text,
      'Militants attacked an army post on Tuesday, killing four soldiers, the ministry said.',
    );
  });

  it('refuses a broken PDF, a binary, an empty text and an oversized document with codes', async () => {
    await assert.rejects(readDocument(Buffer.from('%PDF-1.4 garbage'), { origin: 'x.pdf' }), {
      code: 'TEARLINE_E_INGEST_BAD_PDF',
    });
    await assert.rejects(
      readDocument(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]), { origin: 'a.out' }),
      {
        code: 'TEARLINE_E_INGEST_BINARY',
      },
    );
    await assert.rejects(readDocument(Buffer.from('  \n \n'), { origin: 'paste' }), {
      code: 'TEARLINE_E_INGEST_EMPTY',
    });
    await assert.rejects(
      readDocument(Buffer.alloc(2048, 97), { origin: 'big.txt', maxBytes: 1024 }),
      {
        code: 'TEARLINE_E_INGEST_TOO_LARGE',
      },
    );
  });
});

describe('detectLanguage', () => {
  it('tells English from other languages and scripts', () => {
    assert.equal(
      detectLanguage('The minister said on Monday that the attack was carried out by the group.')
        .language,
      'en',
    );
    assert.equal(
      detectLanguage(
        'Le ministre a déclaré lundi que les militaires sont dans la ville et que la situation est grave.',
      ).language,
      'fr',
    );
    assert.equal(
      detectLanguage(
        'Der Minister sagte am Montag, dass die Lage in der Stadt nicht sicher ist und die Polizei.',
      ).language,
      'de',
    );
    assert.equal(
      detectLanguage('Министр заявил в понедельник, что нападение совершила группировка.').language,
      'ru',
    );
    assert.equal(
      detectLanguage('قال الوزير يوم الاثنين إن الهجوم نفذته الجماعة المسلحة في المدينة').language,
      'ar',
    );
    assert.equal(detectLanguage('ok').language, 'und');
  });
});
