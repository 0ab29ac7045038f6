import { callApi, type User } from '../api.js';
import { useLoad } from '../use-load.js';
import { PartnersPanel } from './sharing-partners.js';
import { mayAct } from './sharing-roles.js';
import type { PartnerList } from './sharing-types.js';

/** `/sharing/partners`: the partners, their trust tiers and (for admins) their credentials. */
export function PartnersView(props: { user: User }) {
  const partners = useLoad(() => callApi<PartnerList>('GET', '/api/partners'), []);
  return (
    <div className="grid">
      <PartnersPanel
        state={partners}
        canAdd={mayAct(props.user, 'analyst')}
        canDraft={mayAct(props.user, 'analyst')}
        canManageCredentials={props.user.roles.includes('admin')}
      />
    </div>
  );
}
