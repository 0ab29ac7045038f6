import { callApi, type User } from '../api.js';
import { useLoad } from '../use-load.js';
import { AgreementsPanel } from './sharing-agreements.js';
import type { AgreementRow, Partner } from './sharing-types.js';

/** `/sharing/agreements`: every agreement, its conditions and history, and a form to sign one. */
export function AgreementsView(props: { user: User }) {
  const partners = useLoad(() => callApi<{ partners: Partner[] }>('GET', '/api/partners'), []);
  const agreements = useLoad(
    () => callApi<{ agreements: AgreementRow[] }>('GET', '/api/agreements'),
    [],
  );
  return (
    <div className="grid">
      <AgreementsPanel
        state={agreements}
        partners={partners.data?.partners ?? []}
        user={props.user}
        onChanged={() => undefined}
      />
    </div>
  );
}
