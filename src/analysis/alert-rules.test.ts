import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { IncidentFact } from '../core/ports/analysis.js';
import { createSequentialIds, createSteppingClock } from '../core/clock.js';
import { DEFAULT_ALERT_THRESHOLDS, evaluateAlertRules, type AlertContext } from './alert-rules.js';
import { createAssessmentNote, toAssessmentRow, toAssessmentView } from './assessment.js';
import { addMonths } from './month-series.js';

const ACTOR = 'threat-actor--0a1b2c3d-0000-4000-8000-00000000000a';
const crocus: IncidentFact = {
  incidentId: 'incident--0b000000-0000-4000-8000-000000000009',
  actorId: ACTOR,
  name: 'Crocus City Hall attack',
  eventDate: '2024-03-22',
  month: '2024-03',
  country: 'RU',
  locationName: 'Krasnogorsk',
  status: 'occurred',
  eventType: 'Violence against civilians',
  subEventType: 'Attack',
  fatalities: 145,
  reportRefs: [],
};

function assessment(intent: string, regionCountries?: string[]) {
  const note = createAssessmentNote(
    {
      subjectRef: ACTOR,
      capability: 'likely',
      intent,
      analyticConfidence: 'moderate',
      rationale: 'r',
      author: 'ana',
      regionCountries,
      validFrom: '2023-06-01T00:00:00.000Z',
    },
    createSteppingClock('2023-06-01T00:00:00.000Z'),
    createSequentialIds(),
  );
  return toAssessmentView(toAssessmentRow(note), 'ISIS-K');
}

function context(over: Partial<AlertContext> = {}): AlertContext {
  return {
    fact: crocus,
    actorName: 'ISIS-K',
    homeCountries: ['AF', 'PK'],
    priorIncidentsInCountry: 0,
    actorMonths: [],
    currentAssessments: [],
    thresholds: DEFAULT_ALERT_THRESHOLDS,
    ...over,
  };
}

describe('alert rules', () => {
  it('Crocus under "intent unlikely": new country, external operation, contradiction, fatalities', () => {
    const alerts = evaluateAlertRules(context({ currentAssessments: [assessment('unlikely')] }));
    assert.deepEqual(alerts.map((a) => a.rule).sort(), [
      'assessment-contradicted',
      'external-operation',
      'fatalities-threshold',
      'new-country',
    ]);
    const c = alerts.find((a) => a.rule === 'assessment-contradicted')!;
    assert.equal(c.severity, 'critical');
    assert.match(c.message, /Reassess/);
    assert.match(c.message, /"unlikely"/);
  });
  it('does not call an operation a contradiction when intent was judged likely', () => {
    const alerts = evaluateAlertRules(context({ currentAssessments: [assessment('likely')] }));
    assert.ok(!alerts.some((a) => a.rule === 'assessment-contradicted'));
  });
  it('applies a regional assessment only inside its region', () => {
    const europe = assessment('very unlikely', ['DE', 'FR']);
    assert.ok(
      !evaluateAlertRules(context({ currentAssessments: [europe] })).some(
        (a) => a.rule === 'assessment-contradicted',
      ),
    );
    const russia = assessment('very unlikely', ['RU']);
    assert.ok(
      evaluateAlertRules(context({ currentAssessments: [russia] })).some(
        (a) => a.rule === 'assessment-contradicted',
      ),
    );
  });
  it('stays quiet for a home-country incident already seen there, below the threshold', () => {
    const fact = { ...crocus, country: 'AF', fatalities: 3 };
    assert.deepEqual(
      evaluateAlertRules(
        context({
          fact,
          priorIncidentsInCountry: 12,
          currentAssessments: [assessment('unlikely')],
        }),
      ),
      [],
    );
  });
  it('flags a tempo rise by the trend test', () => {
    const months = [
      ...Array.from({ length: 12 }, (_, i) => ({
        month: addMonths('2023-01', i),
        incidents: 1,
        lethalIncidents: 0,
        fatalities: 0,
        injuries: 0,
      })),
      ...['2024-01', '2024-02', '2024-03'].map((month) => ({
        month,
        incidents: 8,
        lethalIncidents: 0,
        fatalities: 0,
        injuries: 0,
      })),
    ];
    const fact = { ...crocus, country: 'AF', fatalities: 0 };
    const alerts = evaluateAlertRules(
      context({ fact, priorIncidentsInCountry: 5, actorMonths: months }),
    );
    assert.deepEqual(
      alerts.map((a) => a.rule),
      ['tempo-rise'],
    );
    assert.equal(alerts[0]!.dedupeKey, `tempo-rise:${ACTOR}:2024-03`);
  });
  it('leaves undated and unplaced incidents out of the place and tempo rules', () => {
    const fact: IncidentFact = {
      ...crocus,
      eventDate: undefined,
      month: undefined,
      country: undefined,
      fatalities: undefined,
    };
    assert.deepEqual(
      evaluateAlertRules(context({ fact, currentAssessments: [assessment('unlikely')] })),
      [],
    );
  });
});
