import type { StixObject } from '../stix/stix-object.js';
import type { CountRange } from '../stix/conflict-event-extension.js';

/** Where an incident happened, as the review step resolved it (every field may be unknown). */
export interface IncidentPlace {
  /** ISO 3166-1 alpha-2. */
  country?: string;
  admin1?: string;
  name?: string;
  latitude?: number;
  longitude?: number;
}

/** Who or what an incident targeted (`targets` relationship target). */
export interface IncidentTarget {
  id: string;
  name: string;
}

/** One accepted incident version, as the analysis tables index it. */
export interface IncidentRecord {
  incident: StixObject;
  actorIds: readonly string[];
  place?: IncidentPlace;
  targets?: readonly IncidentTarget[];
}

/** The indexed facts of one incident (one row per attributed actor; actorId '' when none). */
export interface IncidentFact {
  incidentId: string;
  actorId: string;
  name: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; undefined when the date is unknown. */
  eventDate?: string;
  /** `YYYY-MM`, undefined when the month is unknown. */
  month?: string;
  country?: string;
  admin1?: string;
  locationName?: string;
  latitude?: number;
  longitude?: number;
  status: string;
  eventType: string;
  subEventType: string;
  /** The lower bound of the killed count (what totals add up); undefined when unknown. */
  fatalities?: number;
  injuries?: number;
  /** The killed count as the incident states it (`{min: 21}` is "at least 21"). */
  fatalitiesRange?: CountRange;
  injuriesRange?: CountRange;
  /** Admiralty grade, e.g. `B2`. */
  grade?: string;
  reportRefs: string[];
}

/** Incidents, killed and injured in one month. */
export interface MonthCount {
  month: string;
  incidents: number;
  /** Incidents with at least one reported death. */
  lethalIncidents: number;
  fatalities: number;
  injuries: number;
}

/** An actor's incidents in one country. */
export interface CountryReach {
  country: string;
  incidents: number;
  fatalities: number;
  /** Earliest known event date there, undefined when none of them is dated. */
  firstDate?: string;
  firstIncidentId: string;
}

/** A place or target with how often it appears. */
export interface NamedCount {
  key: string;
  name: string;
  country?: string;
  latitude?: number;
  longitude?: number;
  incidents: number;
}

/** An actor's counts over all time. */
export interface ActorTotals {
  incidents: number;
  undated: number;
  unplaced: number;
  fatalities: number;
  injuries: number;
}

/** A threat-actor as the analysis tables know it. */
export interface ActorRecord {
  id: string;
  name: string;
  aliases: string[];
  threatActorTypes: string[];
  description?: string;
}

/** A dated relationship between two actors (affiliation, rivalry). */
export interface ActorRelationship {
  id: string;
  sourceRef: string;
  targetRef: string;
  relationshipType: string;
  description?: string;
  startTime?: string;
  stopTime?: string;
}

/** Indexed incident facts and actor directory: incrementally maintained aggregates. */
export interface IncidentFactsRepository {
  /** Upserts the facts of one incident version and adjusts the monthly aggregates. */
  recordIncident(record: IncidentRecord): Promise<void>;
  /** The same for many incidents in one transaction (imports, benchmarks). */
  recordIncidents(records: readonly IncidentRecord[]): Promise<void>;
  /** Takes the facts of revoked incidents away, with their counts in the aggregates. */
  forgetIncidents(ids: readonly string[]): Promise<void>;
  getIncidentFacts(incidentId: string): Promise<IncidentFact[]>;
  recordActor(actor: ActorRecord): Promise<void>;
  getActor(id: string): Promise<ActorRecord | undefined>;
  /** An actor whose name or alias equals `name` (case-insensitive). */
  findActorByName(name: string): Promise<ActorRecord | undefined>;
  listActors(): Promise<ActorRecord[]>;
  recordActorRelationship(relationship: ActorRelationship): Promise<void>;
  /** Relationships where the actor is source or target. */
  listActorRelationships(actorId: string): Promise<ActorRelationship[]>;
  setHomeCountries(actorId: string, countries: readonly string[]): Promise<void>;
  getHomeCountries(actorId: string): Promise<string[]>;
  getActorMonths(actorId: string): Promise<MonthCount[]>;
  /** Monthly counts summed over the given countries (one country or a region's). */
  getCountryMonths(countries: readonly string[]): Promise<MonthCount[]>;
  getActorTotals(actorId: string): Promise<ActorTotals>;
  getActorCountries(actorId: string): Promise<CountryReach[]>;
  /** The actor's incidents in a country other than `excludeIncidentId`. */
  countActorIncidentsInCountry(
    actorId: string,
    country: string,
    excludeIncidentId: string,
  ): Promise<number>;
  getActorPlaces(actorId: string, limit: number): Promise<NamedCount[]>;
  getActorTargets(actorId: string, limit: number): Promise<NamedCount[]>;
  /** The deadliest incidents first, then the most recent. */
  getKeyIncidents(actorId: string, limit: number): Promise<IncidentFact[]>;
  /** The most recent incidents first (undated last). */
  getRecentIncidents(actorId: string, limit: number): Promise<IncidentFact[]>;
}

/** A stored assessment: the STIX note plus the columns it is found by. */
export interface AssessmentRow {
  id: string;
  subjectRef: string;
  supersedesRef?: string;
  validFrom: string;
  note: StixObject;
}

export interface AssessmentRepository {
  putAssessment(row: AssessmentRow): Promise<void>;
  getAssessment(id: string): Promise<AssessmentRow | undefined>;
  /** Every assessment of an actor, oldest `valid_from` first. */
  listAssessments(subjectRef: string): Promise<AssessmentRow[]>;
  /** Assessments whose `supersedes_ref` is `id`. */
  findSuccessors(id: string): Promise<AssessmentRow[]>;
}

/** Something the team cannot see: where, about what, since when and why. */
export interface CollectionGap {
  id: string;
  /** ISO 3166-1 alpha-2 countries affected (may be empty when a region name is enough). */
  countries: string[];
  region?: string;
  topic: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  since: string;
  reason: string;
  /** Collection requirements this gap blocks (ids or short texts). */
  requirements: string[];
  actorIds: string[];
  created: string;
  modified: string;
}

export interface CollectionGapRepository {
  putCollectionGap(gap: CollectionGap): Promise<void>;
  getCollectionGap(id: string): Promise<CollectionGap | undefined>;
  listCollectionGaps(filter?: { actorId?: string; country?: string }): Promise<CollectionGap[]>;
  deleteCollectionGap(id: string): Promise<boolean>;
}

export type AlertRule =
  | 'new-country'
  | 'external-operation'
  | 'assessment-contradicted'
  | 'tempo-rise'
  | 'fatalities-threshold';

/** A raised alert. `dedupeKey` keeps one alert per rule and cause. */
export interface Alert {
  id: string;
  rule: AlertRule;
  severity: 'info' | 'warning' | 'critical';
  actorId?: string;
  incidentId?: string;
  assessmentId?: string;
  message: string;
  details: Record<string, unknown>;
  dedupeKey: string;
  created: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
}

/** Where alerts are POSTed. */
export interface WebhookConfig {
  url: string;
  enabled: boolean;
  /** Minimum severity delivered. */
  minSeverity: Alert['severity'];
  modified: string;
}

/** One pending or finished webhook delivery (the outbox). */
export interface AlertDelivery {
  id: string;
  alertId: string;
  url: string;
  payload: string;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  deliveredAt?: string;
  created: string;
}

export interface AlertRepository {
  /** Stores the alert unless one with the same dedupe key exists; true when stored. */
  insertAlert(alert: Alert): Promise<boolean>;
  getAlert(id: string): Promise<Alert | undefined>;
  listAlerts(filter?: {
    unacknowledgedOnly?: boolean;
    actorId?: string;
    limit?: number;
  }): Promise<Alert[]>;
  acknowledgeAlert(id: string, by: string, at: string): Promise<boolean>;
  getWebhook(): Promise<WebhookConfig | undefined>;
  setWebhook(config: WebhookConfig | undefined): Promise<void>;
  enqueueDelivery(delivery: AlertDelivery): Promise<void>;
  /** Undelivered deliveries due at or before `now`, oldest first. */
  listDueDeliveries(now: string, limit: number): Promise<AlertDelivery[]>;
  listDeliveries(alertId: string): Promise<AlertDelivery[]>;
  markDelivered(id: string, at: string, attempts: number): Promise<void>;
  markFailed(id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void>;
}

/** Everything the analysis modules read and write. */
export interface AnalysisRepository
  extends IncidentFactsRepository, AssessmentRepository, CollectionGapRepository, AlertRepository {}
