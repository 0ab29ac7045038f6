import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSequentialIds, createSteppingClock } from '../core/clock.js';
import { isTearlineError } from '../core/errors.js';
import type { AssessmentRow } from '../core/ports/analysis.js';
import { toStixConfidence, fromStixConfidence } from '../core/stix/assessment-extension.js';
import { checkSupersedes, findSupersedesCycles } from './assessment-chain.js';
import { createAssessmentNote, toAssessmentRow, toAssessmentView } from './assessment.js';
import { toAssessmentHistory } from './assessment-history.js';

const ACTOR = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000a';
const OTHER = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000b';
const CROCUS = 'incident--0b000000-0000-4000-8000-000000000009';

function memoryRepo(rows: AssessmentRow[]) {
  return {
    getAssessment: async (id: string) => rows.find((r) => r.id === id),
    findSuccessors: async (id: string) => rows.filter((r) => r.supersedesRef === id),
  };
}

function row(id: string, supersedes?: string, subject = ACTOR): AssessmentRow {
  return {
    id,
    subjectRef: subject,
    supersedesRef: supersedes,
    validFrom: '2024-01-01T00:00:00.000Z',
    note: { type: 'note', id: id as AssessmentRow['note']['id'] },
  };
}

const n = (i: number) => `note--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

async function rejects(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => isTearlineError(e) && e.code === code);
}

describe('assessment notes', () => {
  const clock = createSteppingClock('2024-03-23T00:00:00.000Z');
  it('builds a STIX note with the extension, object_refs and the confidence mapping', () => {
    const note = createAssessmentNote(
      {
        subjectRef: ACTOR,
        capability: 'likely',
        intent: 'unlikely',
        analyticConfidence: 'moderate',
        rationale: 'Plots abroad, none carried out.',
        author: 'ana',
        evidenceRefs: [CROCUS],
        regionCountries: ['ru'],
      },
      clock,
      createSequentialIds(),
    );
    assert.equal(note.type, 'note');
    assert.deepEqual(note.object_refs, [ACTOR, CROCUS]);
    assert.equal(note.confidence, 50);
    const view = toAssessmentView(toAssessmentRow(note), 'ISIS-K');
    assert.deepEqual(view.regionCountries, ['RU']);
    assert.equal(
      view.statement[0],
      'It is likely that ISIS-K has the capability to carry out attacks in RU.',
    );
    assert.equal(
      view.statement[1],
      'It is unlikely that ISIS-K intends to carry out attacks in RU.',
    );
    // ICD 203: the confidence level stands in its own sentence, without a likelihood term.
    assert.ok(!/likely|chance|certain/.test(view.statement[2]!));
  });
  it('rejects unknown likelihood terms and missing fields with every problem listed', () => {
    assert.throws(
      () =>
        createAssessmentNote(
          {
            subjectRef: 'actor-1',
            capability: 'probably',
            intent: 'likely',
            analyticConfidence: 'very',
            rationale: '',
            author: '',
          },
          clock,
          createSequentialIds(),
        ),
      (e: unknown) =>
        isTearlineError(e) &&
        e.code === 'TEARLINE_E_ASSESSMENT_INVALID' &&
        e.kind === 'input' &&
        e.details.length === 5,
    );
  });
  it('accepts either ICD 203 wording and stores the shared vocabulary term', () => {
    const note = createAssessmentNote(
      {
        subjectRef: ACTOR,
        capability: 'Highly probable',
        intent: 'very-unlikely',
        analyticConfidence: 'low',
        rationale: 'r',
        author: 'ana',
      },
      clock,
      createSequentialIds(),
    );
    const view = toAssessmentView(toAssessmentRow(note), 'ISIS-K');
    assert.deepEqual([view.capability, view.intent], ['very-likely', 'very-unlikely']);
    assert.match(view.statement[1]!, /^It is very unlikely that ISIS-K intends/);
  });
  it('converts likelihood terms to STIX confidence and back (DNI scale)', () => {
    assert.equal(toStixConfidence('almost-no-chance'), 5);
    assert.equal(toStixConfidence('roughly-even-chance'), 50);
    assert.equal(fromStixConfidence(72), 'likely');
    assert.equal(fromStixConfidence(100), 'almost-certain');
    assert.equal(fromStixConfidence(0), 'almost-no-chance');
  });
});

describe('supersedes chain', () => {
  it('accepts a successor of an existing assessment of the same actor', async () => {
    await checkSupersedes(memoryRepo([row(n(1))]), row(n(2), n(1)));
  });
  it('rejects a missing predecessor', async () => {
    await rejects(
      checkSupersedes(memoryRepo([]), row(n(2), n(1))),
      'TEARLINE_E_ASSESSMENT_SUPERSEDES_MISSING',
    );
  });
  it('rejects a predecessor about another actor', async () => {
    await rejects(
      checkSupersedes(memoryRepo([row(n(1), undefined, OTHER)]), row(n(2), n(1))),
      'TEARLINE_E_ASSESSMENT_SUBJECT_MISMATCH',
    );
  });
  it('rejects a fork unless allowed', async () => {
    const repo = memoryRepo([row(n(1)), row(n(2), n(1))]);
    await rejects(checkSupersedes(repo, row(n(3), n(1))), 'TEARLINE_E_ASSESSMENT_FORK');
    await checkSupersedes(repo, row(n(3), n(1)), { allowFork: true });
  });
  it('rejects cycles, including self-supersession', async () => {
    await rejects(
      checkSupersedes(memoryRepo([]), row(n(1), n(1))),
      'TEARLINE_E_ASSESSMENT_SUPERSEDES_CYCLE',
    );
    // note 1 (stored) supersedes note 2, which arrives with its id and supersedes note 1.
    const repo = memoryRepo([row(n(1), n(2))]);
    await rejects(checkSupersedes(repo, row(n(2), n(1))), 'TEARLINE_E_ASSESSMENT_SUPERSEDES_CYCLE');
  });
  it('finds cycles in an imported batch', () => {
    assert.deepEqual(
      findSupersedesCycles([row(n(1), n(3)), row(n(2), n(1)), row(n(3), n(2)), row(n(4))]).length,
      1,
    );
    assert.deepEqual(findSupersedesCycles([row(n(1)), row(n(2), n(1))]), []);
  });
});

describe('assessment history', () => {
  it('shows what changed, when, and on which new evidence', () => {
    const clock = createSteppingClock('2024-01-10T00:00:00.000Z', 86_400_000 * 80);
    const ids = createSequentialIds();
    const before = createAssessmentNote(
      {
        subjectRef: ACTOR,
        capability: 'likely',
        intent: 'unlikely',
        analyticConfidence: 'moderate',
        rationale: 'r1',
        author: 'ana',
      },
      clock,
      ids,
    );
    const after = createAssessmentNote(
      {
        subjectRef: ACTOR,
        capability: 'very likely',
        intent: 'likely',
        analyticConfidence: 'high',
        rationale: 'Crocus',
        author: 'ben',
        evidenceRefs: [CROCUS],
        supersedes: before.id,
      },
      clock,
      ids,
    );
    const h = toAssessmentHistory([toAssessmentRow(after), toAssessmentRow(before)], 'ISIS-K');
    assert.equal(h.entries.length, 2);
    assert.equal(h.current.length, 1);
    assert.equal(h.current[0]!.id, after.id);
    const last = h.entries[1]!;
    assert.deepEqual(
      last.changes.map((c) => [c.field, c.before, c.after, c.direction]),
      [
        ['capability', 'likely', 'very-likely', 'raised'],
        ['intent', 'unlikely', 'likely', 'raised'],
        ['analyticConfidence', 'moderate', 'high', 'raised'],
      ],
    );
    assert.deepEqual(last.evidenceAdded, [CROCUS]);
    assert.equal(h.entries[0]!.current, false);
  });
});
