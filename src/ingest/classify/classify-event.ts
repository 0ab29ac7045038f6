import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { Entity } from '../extract-types.js';
import { toAcledEventType } from './acled-types.js';
import { getClassifierModel } from './classifier-model.js';
import { applyCueRules } from './cue-rules.js';
import { toEventStatus } from './event-status.js';
import { predictProbabilities } from './softmax-model.js';
import { toTextFeatures } from './text-features.js';

export interface EventClassification {
  /** ACLED event type, e.g. 'Explosions/Remote violence'. */
  event_type: string;
  /** ACLED sub-event type, e.g. 'Suicide bomb'. */
  sub_event_type: string;
  /** The model's probability for `sub_event_type`, 0..1. */
  score: number;
  status: EventStatus;
  /** The next most likely sub-event types, best first (up to 3). */
  alternatives: Array<{ sub_event_type: string; score: number }>;
}

export interface ClassifyContext {
  /** Entities found in the text; actors among them tell a state from a non-state actor. */
  entities?: Entity[];
}

/**
 * Classifies a passage that reports one event into ACLED's sub-event types, with its status.
 *
 * @example classifyEvent('A suicide bomber blew himself up at a checkpoint in Kabul').sub_event_type // 'Suicide bomb'
 */
export function classifyEvent(text: string, context: ClassifyContext = {}): EventClassification {
  const model = getClassifierModel();
  const features = toTextFeatures(text);
  // Actors the entity stage recognised are non-state groups (the gazetteer holds armed groups),
  // which the cue lexicon may miss when a group is named only by its own name.
  if (context.entities?.some((e) => e.type === 'actor')) features.push('c:nonstate');
  const probabilities = predictProbabilities(model, features);
  const byModel = probabilities
    .map((score, i) => ({ sub_event_type: model.classes[i] as string, score }))
    .sort((a, b) => b.score - a.score);
  const chosen = applyCueRules(
    (byModel[0] as { sub_event_type: string }).sub_event_type,
    new Set(features.filter((f) => f.startsWith('c:') || f.startsWith('a:'))),
    byModel.map((r) => r.sub_event_type),
  );
  // The rule's class goes first, with the model's probability for it.
  const ranked = [
    ...byModel.filter((r) => r.sub_event_type === chosen),
    ...byModel.filter((r) => r.sub_event_type !== chosen),
  ];
  const best = ranked[0] as { sub_event_type: string; score: number };
  return {
    event_type: toAcledEventType(best.sub_event_type) ?? 'Strategic developments',
    sub_event_type: best.sub_event_type,
    score: best.score,
    status: toEventStatus(text),
    alternatives: ranked.slice(1, 4),
  };
}
