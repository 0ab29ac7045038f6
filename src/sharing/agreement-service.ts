import { notFound, TearlineError } from '../core/errors.js';
import type {
  Agreement,
  AgreementCondition,
  AgreementEvent,
  IepTerms,
  TlpLevel,
} from '../core/ports/sharing.js';
import { getEffectiveState, type EffectiveState } from './agreement-state.js';
import { getPartnerOrThrow } from './partner-service.js';
import type { Actor, SharingDeps } from './sharing-deps.js';
import { TLP_LEVELS, isTlpLevel } from './tlp.js';

const IEP_VALUES: { [K in keyof IepTerms]: readonly IepTerms[K][] } = {
  permittedActions: [
    'none',
    'contact-for-instruction',
    'internally-visible-actions',
    'externally-visible-indirect-actions',
    'externally-visible-direct-actions',
  ],
  affectedPartyNotifications: ['may', 'must-not'],
  attribution: ['may', 'must', 'must-not'],
  unmodifiedResale: ['may', 'must-not'],
  encryptInTransit: ['must', 'may'],
};

// In doubt, the strictest term: a partner gets only what an analyst granted explicitly.
const STRICTEST_IEP: IepTerms = {
  permittedActions: 'none',
  affectedPartyNotifications: 'must-not',
  attribution: 'must-not',
  unmodifiedResale: 'must-not',
  encryptInTransit: 'must',
};

function badInput(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_SHARING_BAD_INPUT', message);
}

/**
 * A TLP 2.0 level from how people write it (`AMBER+STRICT`, `tlp:green`, `clear`).
 *
 * @example parseTlpLevel('TLP:AMBER+STRICT') // 'amber+strict'
 */
export function parseTlpLevel(value: unknown): TlpLevel {
  const text = typeof value === 'string' ? value.trim().toLowerCase().replace(/^tlp:/, '') : '';
  if (!isTlpLevel(text)) {
    throw badInput(
      `The TLP level must be one of ${TLP_LEVELS.map((l) => l.toUpperCase()).join(', ')}.`,
    );
  }
  return text;
}

function parseTimestamp(value: unknown, field: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw badInput(`${field} must be a date such as 2026-09-30.`);
  return new Date(ms).toISOString();
}

function parseIep(value: unknown): IepTerms {
  const raw = (value ?? {}) as Record<string, unknown>;
  if (typeof raw !== 'object') throw badInput('The IEP terms must be an object.');
  const out = { ...STRICTEST_IEP } as Record<string, string>;
  for (const key of Object.keys(IEP_VALUES) as Array<keyof IepTerms>) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!(IEP_VALUES[key] as readonly unknown[]).includes(v)) {
      throw badInput(`IEP ${key} must be one of ${IEP_VALUES[key].join(', ')}.`);
    }
    out[key] = v as string;
  }
  return out as unknown as IepTerms;
}

/** The input of a new agreement, as the API and CLI receive it. */
export interface AgreementInput {
  partnerId: unknown;
  title: unknown;
  tlp: unknown;
  iep?: unknown;
  expires?: unknown;
  reason?: unknown;
}

/**
 * Creates an active agreement with a partner and records who made it and why.
 *
 * @example await addAgreement(deps, actor, { partnerId, title: 'ISIS-K', tlp: 'amber', iep: { permittedActions: 'internally-visible-actions' } })
 */
export async function addAgreement(
  deps: SharingDeps,
  actor: Actor,
  input: AgreementInput,
): Promise<Agreement> {
  const partner = await getPartnerOrThrow(deps.sharing.partners, String(input.partnerId ?? ''));
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (title === '' || title.length > 200)
    throw badInput('An agreement needs a title of 1 to 200 characters.');
  const now = deps.clock.now().toISOString();
  const agreement: Agreement = {
    id: deps.ids.uuid(),
    partnerId: partner.id,
    title,
    tlp: parseTlpLevel(input.tlp),
    iep: parseIep(input.iep),
    iepMarkingUuid: deps.ids.uuid(),
    conditions: [],
    state: 'active',
    created: now,
    modified: now,
  };
  if (input.expires !== undefined) agreement.expires = parseTimestamp(input.expires, 'expires');
  await deps.sharing.agreements.createAgreement(
    agreement,
    toEvent(agreement, actor, now, 'created', input.reason ?? 'agreement signed'),
  );
  return agreement;
}

function toEvent(
  agreement: Agreement,
  actor: Actor,
  at: string,
  action: AgreementEvent['action'],
  reason: unknown,
): AgreementEvent {
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text === '') throw badInput('Say why: every change of an agreement records a reason.');
  return {
    agreementId: agreement.id,
    at,
    actor: actor.username,
    action,
    reason: text.slice(0, 1000),
  };
}

/**
 * The agreement with this id, or a not-found error.
 *
 * @example const agreement = await getAgreementOrThrow(deps, id)
 */
export async function getAgreementOrThrow(deps: SharingDeps, id: string): Promise<Agreement> {
  const agreement = await deps.sharing.agreements.getAgreement(id);
  if (agreement === undefined) {
    throw notFound('TEARLINE_E_SHARING_AGREEMENT_NOT_FOUND', `No agreement has the id ${id}.`);
  }
  return agreement;
}

/** An agreement with its effective state now and its history. */
export interface AgreementView {
  agreement: Agreement;
  effective: EffectiveState;
  events: AgreementEvent[];
}

/**
 * An agreement as analysts read it: stored fields, effective state at the clock's now, history.
 *
 * @example const { effective } = await showAgreement(deps, id)
 */
export async function showAgreement(deps: SharingDeps, id: string): Promise<AgreementView> {
  const agreement = await getAgreementOrThrow(deps, id);
  return {
    agreement,
    effective: getEffectiveState(agreement, deps.clock.now()),
    events: await deps.sharing.agreements.listEvents(id),
  };
}

/**
 * Moves an agreement to another stored state (suspend, resume, end), recording who and why.
 * Ending is final; revocations for its releases are delivered by endAgreement.
 *
 * @example await changeAgreementState(deps, actor, id, 'suspended', 'condition breached')
 */
export async function changeAgreementState(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  state: Agreement['state'],
  reason: unknown,
): Promise<Agreement> {
  const agreement = await getAgreementOrThrow(deps, id);
  if (agreement.state === 'ended') {
    throw new TearlineError(
      'TEARLINE_E_SHARING_AGREEMENT_STATE',
      'This agreement has ended; create a new agreement instead.',
      { kind: 'conflict' },
    );
  }
  const action = state === 'active' ? 'resumed' : state;
  const now = deps.clock.now().toISOString();
  const next: Agreement = { ...agreement, state, modified: now };
  await deps.sharing.agreements.updateAgreement(next, toEvent(next, actor, now, action, reason));
  return next;
}

/**
 * Adds a condition (a partner's commitment with a review date and an expiry) to an agreement.
 *
 * @example await addCondition(deps, actor, id, { text: 'Guarantees for the rights of Afghan women', reviewDate: '2026-09-01', expires: '2027-03-01' })
 */
export async function addCondition(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  input: { text: unknown; reviewDate: unknown; expires: unknown; reason?: unknown },
): Promise<Agreement> {
  const agreement = await getAgreementOrThrow(deps, id);
  const text = typeof input.text === 'string' ? input.text.trim() : '';
  if (text === '' || text.length > 2000)
    throw badInput('A condition needs a text of 1 to 2000 characters.');
  const condition: AgreementCondition = {
    id: deps.ids.uuid(),
    text,
    reviewDate: parseTimestamp(input.reviewDate, 'reviewDate'),
    expires: parseTimestamp(input.expires, 'expires'),
  };
  if (condition.expires < condition.reviewDate)
    throw badInput('A condition must be reviewed before it expires.');
  const now = deps.clock.now().toISOString();
  const next = { ...agreement, conditions: [...agreement.conditions, condition], modified: now };
  await deps.sharing.agreements.updateAgreement(
    next,
    toEvent(next, actor, now, 'condition-added', input.reason ?? `condition added: ${text}`),
  );
  return next;
}

/**
 * Records a condition as breached (which suspends the agreement) or reviewed (with the next
 * review date), with who and why.
 *
 * @example await updateCondition(deps, actor, id, conditionId, { breached: true, reason: 'report of 2026-05-02' })
 */
export async function updateCondition(
  deps: SharingDeps,
  actor: Actor,
  id: string,
  conditionId: string,
  input: { breached?: boolean; nextReviewDate?: unknown; reason: unknown },
): Promise<Agreement> {
  const agreement = await getAgreementOrThrow(deps, id);
  const condition = agreement.conditions.find((c) => c.id === conditionId);
  if (condition === undefined) throw badInput(`The agreement has no condition ${conditionId}.`);
  const now = deps.clock.now().toISOString();
  let updated: AgreementCondition;
  let action: AgreementEvent['action'];
  if (input.breached === true) {
    updated = { ...condition, breached: now };
    action = 'condition-breached';
  } else {
    const reviewDate = parseTimestamp(input.nextReviewDate, 'nextReviewDate');
    if (reviewDate <= now) throw badInput('The next review date must be in the future.');
    updated = { ...condition, reviewDate };
    action = 'condition-reviewed';
  }
  const next: Agreement = {
    ...agreement,
    conditions: agreement.conditions.map((c) => (c.id === conditionId ? updated : c)),
    modified: now,
  };
  await deps.sharing.agreements.updateAgreement(
    next,
    toEvent(next, actor, now, action, input.reason),
  );
  return next;
}
