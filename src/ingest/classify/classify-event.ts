import type { EventStatus } from '../../core/stix/conflict-event-extension.js';
import type { Entity } from '../extract-types.js';
import { toAcledEventType } from './acled-types.js';
import { getClassifierModel } from './classifier-model.js';
import { isStateActorName } from './cue-lexicon.js';
import { applyCueRules, toRankingWithRule } from './cue-rules.js';
import { toEventStatus } from './event-status.js';
import { predictProbabilities } from './softmax-model.js';
import { toTextFeatures } from './text-features.js';

export { isConflictEventText, scoreConflictEventText } from './conflict-event-text.js';

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
  /** Entities found in the text (offsets into it); an armed group among them marks a non-state actor. */
  entities?: Entity[];
}

/**
 * Classifies a passage that reports one event into ACLED's sub-event types, with its status.
 *
 * @example classifyEvent('A suicide bomber blew himself up at a checkpoint in Kabul').sub_event_type // 'Suicide bomb'
 */
export function classifyEvent(text: string, context: ClassifyContext = {}): EventClassification {
  const model = getClassifierModel();
  // A group the entity stage found ("JNIM", "the M23") is a non-state actor unless its name says
  // it is a state force; the cue lexicon alone knows only generic words and common names.
  const group = context.entities?.find(
    (e) =>
      e.type === 'actor' &&
      e.start >= 0 &&
      e.start < text.length &&
      !isStateActorName(e.text) &&
      !isStateActorName(e.canonical),
  );
  const features = toTextFeatures(text, group ? group.start : -1);
  const probabilities = predictProbabilities(model, features);
  const byModel = probabilities
    .map((score, i) => ({ sub_event_type: model.classes[i] as string, score }))
    .sort((a, b) => b.score - a.score);
  const chosen = applyCueRules(
    (byModel[0] as { sub_event_type: string }).sub_event_type,
    new Set(features.filter((f) => f.startsWith('c:') || f.startsWith('a:'))),
    byModel.map((r) => r.sub_event_type),
    text,
  );
  const ranked = toRankingWithRule(byModel, chosen);
  const best = ranked[0] as { sub_event_type: string; score: number };
  return {
    event_type: toAcledEventType(best.sub_event_type) ?? 'Strategic developments',
    sub_event_type: best.sub_event_type,
    score: best.score,
    status: toEventStatus(text),
    alternatives: ranked.slice(1, 4),
  };
}
