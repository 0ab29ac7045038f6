import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { DraftItem } from './review-api.js';
import type { CountRangeKind } from '../../../src/core/stix/count-range-text.js';
import type { StixObject } from '../stix.js';
import { nameOf } from '../ui.js';
import { useLoad } from '../use-load.js';
import { reviewApi, type ItemEdit } from './review-api.js';
import {
  fieldOfMessage,
  perpetratorOf,
  toCount,
  toFormValues,
  type FormValues,
} from './review-edit-values.js';

const STATUSES = ['occurred', 'thwarted', 'threatened'];
const COUNT_KINDS: CountRangeKind[] = ['exactly', 'at least', 'at most', 'between', 'unknown'];
const TIME_PRECISIONS: Array<[string, string]> = [
  ['1', '1 · the exact day'],
  ['2', '2 · within a week'],
  ['3', '3 · within a month or coarser'],
];
const GEO_PRECISIONS: Array<[string, string]> = [
  ['1', '1 · the named town'],
  ['2', '2 · near a town, or its district'],
  ['3', '3 · the region only'],
];

/** The error shown under a field (or above the buttons when it names none). */
interface FieldError {
  field?: string;
  message: string;
}

/**
 * The edit form of a proposed item: for an incident every conflict-event fact (ACLED types,
 * status, date and its precision, place and its precision, killed and injured as ranges) and its
 * perpetrator; for other items the name. Escape cancels; a refused value is shown under its field.
 */
export function ReviewEditForm(props: {
  draftId: string;
  item: DraftItem;
  items: DraftItem[];
  onSaved: (edited: DraftItem) => void;
  onCancel: () => void;
}) {
  const { item, items } = props;
  const object = item.object as StixObject;
  const isIncident = item.kind === 'incident';
  const acled = useLoad(
    () => (isIncident ? reviewApi.acledTypes() : Promise.resolve([])),
    [isIncident],
  );
  const initial = useRef(toFormValues(object, perpetratorOf(item, items)));
  const [values, setValues] = useState<FormValues>(initial.current);
  const [error, setError] = useState<FieldError>();
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const set = (key: keyof FormValues) => (value: string) =>
    setValues((v) => ({ ...v, [key]: value }));
  const id = (key: string) => `edit-${item.itemId}-${key}`;
  const fieldProps = (key: string) => ({
    id: id(key),
    'aria-invalid': error?.field === key ? true : undefined,
    'aria-describedby': error?.field === key ? id(`${key}-error`) : undefined,
  });
  const errorOf = (key: string) =>
    error?.field === key ? (
      <p id={id(`${key}-error`)} className="error field-error">
        {error.message}
      </p>
    ) : null;

  const eventTypes = acled.data ?? [];
  const subTypes = eventTypes.find((t) => t.name === values.event_type)?.subEventTypes ?? [];
  const onEventType = (name: string) => {
    const subs = eventTypes.find((t) => t.name === name)?.subEventTypes ?? [];
    setValues((v) => ({
      ...v,
      event_type: name,
      sub_event_type: subs.includes(v.sub_event_type) ? v.sub_event_type : (subs[0] ?? ''),
    }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const edit: ItemEdit = { properties: { name: values.name } };
    if (isIncident) {
      const optional = (v: string) => (v === '' ? null : v);
      const level = (v: string) => (v === '' ? null : Number(v));
      edit.extension = {
        event_type: values.event_type,
        sub_event_type: values.sub_event_type,
        status: values.status,
        event_date: optional(values.event_date),
        time_precision: level(values.time_precision),
        location_name: optional(values.location_name.trim()),
        country: optional(values.country.trim().toUpperCase()),
        geo_precision: level(values.geo_precision),
        fatalities: toCount(values.killed_kind, values.killed_min, values.killed_max),
        injuries: toCount(values.injured_kind, values.injured_min, values.injured_max),
      };
      if (values.perpetrator.trim() !== initial.current.perpetrator) {
        edit.perpetrator = values.perpetrator.trim() || null;
      }
    }
    try {
      const saved = await reviewApi.edit(props.draftId, item.itemId, edit);
      props.onSaved(saved.item);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setError({ field: fieldOfMessage(message), message });
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
    }
  };

  const actors = items.filter((i) => i.kind === 'threat-actor' && i.state !== 'rejected');
  return (
    <form
      className="stack edit-form"
      aria-label={`Edit ${nameOf(object)}`}
      onSubmit={(e) => void submit(e)}
      onKeyDown={onKeyDown}
    >
      <div>
        <label htmlFor={id('name')}>Name</label>
        <input
          ref={firstField}
          {...fieldProps('name')}
          value={values.name}
          required
          maxLength={250}
          onChange={(e) => set('name')(e.target.value)}
        />
        {errorOf('name')}
      </div>
      {isIncident && (
        <>
          <div className="row">
            <div>
              <label htmlFor={id('event_type')}>Event type</label>
              <select
                {...fieldProps('event_type')}
                value={values.event_type}
                onChange={(e) => onEventType(e.target.value)}
              >
                {eventTypes.length === 0 && <option>{values.event_type}</option>}
                {eventTypes.map((t) => (
                  <option key={t.name}>{t.name}</option>
                ))}
              </select>
              {errorOf('event_type')}
            </div>
            <div>
              <label htmlFor={id('sub_event_type')}>Sub-event type</label>
              <select
                {...fieldProps('sub_event_type')}
                value={values.sub_event_type}
                onChange={(e) => set('sub_event_type')(e.target.value)}
              >
                {subTypes.length === 0 && <option>{values.sub_event_type}</option>}
                {subTypes.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
              {errorOf('sub_event_type')}
            </div>
            <div>
              <label htmlFor={id('status')}>Status</label>
              <select
                {...fieldProps('status')}
                value={values.status}
                onChange={(e) => set('status')(e.target.value)}
              >
                {STATUSES.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
              {errorOf('status')}
            </div>
          </div>
          <div className="row">
            <div>
              <label htmlFor={id('event_date')}>Date</label>
              <input
                type="date"
                {...fieldProps('event_date')}
                value={values.event_date}
                onChange={(e) => set('event_date')(e.target.value)}
              />
              {errorOf('event_date')}
            </div>
            <div>
              <label htmlFor={id('time_precision')}>Time precision</label>
              <select
                {...fieldProps('time_precision')}
                value={values.time_precision}
                onChange={(e) => set('time_precision')(e.target.value)}
              >
                <option value="">not given</option>
                {TIME_PRECISIONS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
              {errorOf('time_precision')}
            </div>
          </div>
          <div className="row">
            <div className="grow">
              <label htmlFor={id('location_name')}>Place</label>
              <input
                {...fieldProps('location_name')}
                value={values.location_name}
                onChange={(e) => set('location_name')(e.target.value)}
              />
              {errorOf('location_name')}
            </div>
            <div>
              <label htmlFor={id('country')}>Country code</label>
              <input
                {...fieldProps('country')}
                value={values.country}
                size={3}
                maxLength={2}
                onChange={(e) => set('country')(e.target.value)}
              />
              {errorOf('country')}
            </div>
            <div>
              <label htmlFor={id('geo_precision')}>Geo precision</label>
              <select
                {...fieldProps('geo_precision')}
                value={values.geo_precision}
                onChange={(e) => set('geo_precision')(e.target.value)}
              >
                <option value="">not given</option>
                {GEO_PRECISIONS.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
              {errorOf('geo_precision')}
            </div>
          </div>
          {(
            [
              ['fatalities', 'Killed', 'killed_kind', 'killed_min', 'killed_max'],
              ['injuries', 'Injured', 'injured_kind', 'injured_min', 'injured_max'],
            ] as const
          ).map(([field, label, kindKey, min, max]) => {
            const kind = values[kindKey];
            const boxes: Array<[typeof min | typeof max, string]> =
              kind === 'between'
                ? [
                    [min, `${label}, at least`],
                    [max, `${label}, at most`],
                  ]
                : kind === 'at most'
                  ? [[max, `${label}, at most`]]
                  : kind === 'unknown'
                    ? []
                    : [[min, `${label}, ${kind}`]];
            return (
              <fieldset
                key={field}
                aria-describedby={error?.field === field ? id(`${field}-error`) : undefined}
              >
                <legend>{label}</legend>
                <div className="row">
                  <div>
                    <label htmlFor={id(kindKey)}>{label}: how many</label>
                    <select
                      id={id(kindKey)}
                      value={kind}
                      onChange={(e) => set(kindKey)(e.target.value)}
                    >
                      {COUNT_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {k}
                        </option>
                      ))}
                    </select>
                  </div>
                  {boxes.map(([key, text]) => (
                    <div key={key}>
                      <label htmlFor={id(key)}>{text}</label>
                      <input
                        id={id(key)}
                        type="number"
                        min={0}
                        step={1}
                        inputMode="numeric"
                        required
                        aria-invalid={error?.field === field ? true : undefined}
                        aria-describedby={error?.field === field ? id(`${field}-error`) : undefined}
                        value={values[key]}
                        onChange={(e) => set(key)(e.target.value)}
                      />
                    </div>
                  ))}
                </div>
                {errorOf(field)}
              </fieldset>
            );
          })}
          <div>
            <label htmlFor={id('perpetrator')}>Perpetrator</label>
            <input
              {...fieldProps('perpetrator')}
              list={id('actors')}
              value={values.perpetrator}
              maxLength={250}
              onChange={(e) => set('perpetrator')(e.target.value)}
            />
            <datalist id={id('actors')}>
              {actors.map((a) => (
                <option key={a.itemId} value={nameOf(a.object)} />
              ))}
            </datalist>
            <p className="muted hint">
              An actor of this draft or of the knowledge base by name or alias, else a new actor;
              empty for none.
            </p>
            {errorOf('perpetrator')}
          </div>
        </>
      )}
      {error && (
        <p className="error" role="alert">
          Not saved: {error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          Cancel
        </button>
        <span className="muted">
          <kbd>Esc</kbd> cancels
        </span>
      </div>
    </form>
  );
}
