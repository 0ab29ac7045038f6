import { callApi, type User } from '../api.js';
import { useLoad } from '../use-load.js';
import { AgreementsPanel } from './sharing-agreements.js';
import type { ApiAnswer } from '../api-types.js';
import type { PartnerList } from './sharing-types.js';

/** `/sharing/agreements`: every agreement, its conditions and history, and a form to sign one. */
export function AgreementsView(props: { user: User }) {
  const partners = useLoad(() => callApi<PartnerList>('GET', '/api/partners'), []);
  const agreements = useLoad(
    () => callApi<ApiAnswer<'/api/agreements', 'get'>>('GET', '/api/agreements'),
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
