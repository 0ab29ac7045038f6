import { describeTransform, sameTransform } from './sharing-transforms.js';
import { TRANSFORM_CHOICES, type Partner } from './sharing-types.js';

function requiredBy(partner: Partner | undefined, transform: Record<string, unknown>): boolean {
  return (partner?.minimumTransforms ?? []).some((m) => sameTransform(m, transform));
}

/**
 * The transforms a release asks for: the ticked choices and every minimum of the partner's tier
 * (the policy would add them anyway; sending them keeps the request equal to what the form shows).
 *
 * @example toRequestedTransforms(new Set(['coarsen-date']), minimalPartner)
 */
export function toRequestedTransforms(
  ticked: ReadonlySet<string>,
  partner: Partner | undefined,
): Array<Record<string, unknown>> {
  const chosen = TRANSFORM_CHOICES.filter(
    (t) => ticked.has(t.key) || requiredBy(partner, t.transform),
  ).map((t) => t.transform);
  const others = (partner?.minimumTransforms ?? []).filter(
    (m) => !chosen.some((c) => sameTransform(c, m)),
  );
  return [...chosen, ...others];
}

/**
 * The tearline transforms as boxes; those the partner's trust tier requires are ticked, cannot be
 * unticked, and say why.
 */
export function TransformChoices(props: {
  partner: Partner | undefined;
  ticked: ReadonlySet<string>;
  onChange: (ticked: Set<string>) => void;
}) {
  const { partner } = props;
  const extra = (partner?.minimumTransforms ?? []).filter(
    (m) => !TRANSFORM_CHOICES.some((c) => sameTransform(c.transform, m)),
  );
  const reason = partner && `Required for every release to a ${partner.trustTier} partner.`;
  return (
    <fieldset>
      <legend>Tearline transforms</legend>
      <ul className="checks transform-choices">
        {TRANSFORM_CHOICES.map((t) => {
          const locked = requiredBy(partner, t.transform);
          return (
            <li key={t.key}>
              <label>
                <input
                  type="checkbox"
                  checked={locked || props.ticked.has(t.key)}
                  disabled={locked}
                  aria-describedby={locked ? `required-${t.key}` : undefined}
                  onChange={(e) => {
                    const next = new Set(props.ticked);
                    if (e.target.checked) next.add(t.key);
                    else next.delete(t.key);
                    props.onChange(next);
                  }}
                />{' '}
                {t.label}
              </label>
              {locked && (
                <span id={`required-${t.key}`} className="required-note">
                  {reason}
                </span>
              )}
            </li>
          );
        })}
        {extra.map((m) => (
          <li key={JSON.stringify(m)}>
            <label>
              <input type="checkbox" checked disabled readOnly /> {describeTransform(m)}
            </label>
            <span className="required-note">{reason}</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
