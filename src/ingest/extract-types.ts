import type {
  CountRange,
  EventStatus,
  GeoPrecision,
  TimePrecision,
} from '../core/stix/conflict-event-extension.js';

/**
 * The types of `tearline extract` (docs: the extract contract). Offsets are UTF-16 code units
 * into the input text (JavaScript string indexes), `end` exclusive.
 */
export interface ExtractInput {
  id: string;
  text: string;
  /** `YYYY-MM-DD`: the reference date for relative dates. */
  published?: string;
  source?: string;
}

export type EntityType =
  'actor' | 'organization' | 'person' | 'location' | 'nationality' | 'date' | 'quantity' | 'weapon';

export interface Span {
  start: number;
  end: number;
}

interface EntityBase extends Span {
  type: EntityType;
  text: string;
}

export interface ActorEntity extends EntityBase {
  type: 'actor';
  /** The group's canonical name from the gazetteer, or the discovered name. */
  canonical: string;
}

export interface LocationEntity extends EntityBase {
  type: 'location';
  /** ISO 3166-1 alpha-2 when geocoded. */
  country?: string;
  admin1?: string;
  lat?: number;
  lon?: number;
  geo_precision?: GeoPrecision;
}

export interface DateEntity extends EntityBase {
  type: 'date';
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as far as the text and `published` resolve it. */
  value?: string;
  time_precision?: TimePrecision;
}

export interface QuantityEntity extends EntityBase {
  type: 'quantity';
  min?: number;
  max?: number;
}

export interface OtherEntity extends EntityBase {
  type: 'organization' | 'person' | 'nationality' | 'weapon';
  canonical?: string;
}

export type Entity = ActorEntity | LocationEntity | DateEntity | QuantityEntity | OtherEntity;

export type ActorRole = 'perpetrator' | 'target' | 'claimant' | 'responder';

export interface ExtractedEvent {
  event_type: string;
  sub_event_type: string;
  status: EventStatus;
  date?: string;
  time_precision?: TimePrecision;
  location?: {
    name: string;
    country?: string;
    admin1?: string;
    lat?: number;
    lon?: number;
    geo_precision?: GeoPrecision;
  };
  actors: Array<{ name: string; role: ActorRole }>;
  fatalities: CountRange | null;
  injuries: CountRange | null;
  evidence: Span[];
}

export interface Attribution {
  /** The words naming the speaker or document. */
  source: string;
  start: number;
  end: number;
  anonymous: boolean;
  claim: Span;
}

export interface ExtractOutput {
  id: string;
  entities: Entity[];
  events: ExtractedEvent[];
  attributions: Attribution[];
}

/** An output line for an input line that could not be read. */
export interface ExtractErrorLine {
  id?: string;
  error: string;
}
