import type { Alert, AlertRule, IncidentFact, MonthCount } from '../core/ports/analysis.js';
import { likelihoodRank, toLikelihoodWords } from '../core/stix/assessment-extension.js';
import { toCountRangeText } from '../core/stix/count-range-text.js';
import type { AssessmentView } from './assessment.js';
import { isExternalOperation } from './reach.js';
import { computeTrend, type TrendOptions } from './trend.js';

/** Thresholds of the alert rules. */
export interface AlertThresholds {
  /** Killed at or above which an incident raises an alert (default 25). */
  fatalities: number;
  /** The trend test's windows and significance level. */
  trend: TrendOptions;
  /**
   * The highest intent likelihood that an external operation contradicts (default 'unlikely':
   * an attack abroad contradicts a judgment that the actor is unlikely or less to intend one).
   */
  contradictedIntentAtMost: AssessmentView['intent'];
}

export const DEFAULT_ALERT_THRESHOLDS: AlertThresholds = {
  fatalities: 25,
  trend: {},
  contradictedIntentAtMost: 'unlikely',
};

/** What the rules know about one accepted incident and one of its actors. */
export interface AlertContext {
  fact: IncidentFact;
  actorName: string;
  /** Configured or inferred home countries (empty when unknown). */
  homeCountries: readonly string[];
  /** The actor's other incidents in the incident's country. */
  priorIncidentsInCountry: number;
  actorMonths: readonly MonthCount[];
  /** The actor's current (not superseded) assessments. */
  currentAssessments: readonly AssessmentView[];
  thresholds: AlertThresholds;
}

/** An alert the rules want raised (the service adds id and time). */
export type AlertCandidate = Pick<
  Alert,
  'rule' | 'severity' | 'message' | 'details' | 'dedupeKey' | 'assessmentId'
>;

/**
 * Every alert rule over one incident and one actor: first incident in a new country, external
 * operation, external operation contradicting the current assessment of intent, tempo rise by
 * the trend test, fatalities above the threshold.
 *
 * @example evaluateAlertRules(context).map((a) => a.rule) // ['new-country', 'external-operation', 'assessment-contradicted']
 */
export function evaluateAlertRules(ctx: AlertContext): AlertCandidate[] {
  const { fact, actorName, thresholds } = ctx;
  const out: AlertCandidate[] = [];
  const where = fact.locationName
    ? `${fact.locationName}, ${fact.country ?? '?'}`
    : (fact.country ?? 'an unknown place');
  const when = fact.eventDate ?? 'an unknown date';
  const add = (
    rule: AlertRule,
    severity: Alert['severity'],
    key: string,
    message: string,
    details: Record<string, unknown>,
    assessmentId?: string,
  ) =>
    out.push({
      rule,
      severity,
      dedupeKey: `${rule}:${key}`,
      message,
      details: { incidentId: fact.incidentId, ...details },
      assessmentId,
    });

  if (fact.actorId !== '' && fact.country !== undefined) {
    if (ctx.priorIncidentsInCountry === 0) {
      add(
        'new-country',
        'warning',
        `${fact.actorId}:${fact.country}`,
        `First recorded incident of ${actorName} in ${fact.country}: ${fact.name} (${when}).`,
        { actorId: fact.actorId, country: fact.country },
      );
    }
    const external = isExternalOperation(fact.country, ctx.homeCountries);
    if (external) {
      add(
        'external-operation',
        'warning',
        `${fact.actorId}:${fact.incidentId}`,
        `${actorName} operated outside its home countries (${ctx.homeCountries.join(', ')}): ${fact.name} in ${where}.`,
        { actorId: fact.actorId, country: fact.country, homeCountries: ctx.homeCountries },
      );
    }
    // A plot that was thwarted shows intent as much as one carried out; a threat alone does not.
    if (fact.status !== 'threatened') {
      for (const a of ctx.currentAssessments) {
        const applies =
          a.regionCountries.length > 0 ? a.regionCountries.includes(fact.country) : external;
        if (
          applies &&
          likelihoodRank(a.intent) <= likelihoodRank(thresholds.contradictedIntentAtMost)
        ) {
          add(
            'assessment-contradicted',
            'critical',
            `${a.id}:${fact.incidentId}`,
            `Evidence contradicts the current assessment: it judges ${actorName}'s intent "${toLikelihoodWords(a.intent)}", yet ${fact.name} (${when}, ${where}) was attributed to it. Reassess capability and intent.`,
            {
              actorId: fact.actorId,
              country: fact.country,
              intent: a.intent,
              capability: a.capability,
              validFrom: a.validFrom,
            },
            a.id,
          );
        }
      }
    }
    if (fact.month !== undefined) {
      const trend = computeTrend(ctx.actorMonths, fact.month, thresholds.trend);
      if (trend.tempo.direction === 'rise') {
        const t = trend.tempo;
        add(
          'tempo-rise',
          'warning',
          `${fact.actorId}:${fact.month}`,
          `${actorName}'s tempo rose to ${t.recentRate.toFixed(1)} incidents a month over the last ${t.recentMonths} months, against ${t.baselineRate.toFixed(1)} before (p = ${t.pValue.toPrecision(2)}).`,
          { actorId: fact.actorId, month: fact.month, tempo: t },
        );
      }
    }
  }
  if ((fact.fatalities ?? 0) >= thresholds.fatalities) {
    add(
      'fatalities-threshold',
      (fact.fatalities ?? 0) >= thresholds.fatalities * 4 ? 'critical' : 'warning',
      fact.incidentId,
      `${fact.name} (${when}, ${where}) killed ${fact.fatalitiesRange ? toCountRangeText(fact.fatalitiesRange) : `at least ${fact.fatalities}`}.`,
      {
        actorId: fact.actorId || undefined,
        fatalities: fact.fatalities,
        threshold: thresholds.fatalities,
      },
    );
  }
  return out;
}
