import { TearlineError } from '../core/errors.js';
import { DEFAULT_DATABASE_URL } from '../store/database.js';
import {
  addAgreement,
  addCondition,
  changeAgreementState,
  showAgreement,
} from '../sharing/agreement-service.js';
import { getEffectiveState } from '../sharing/agreement-state.js';
import { endAgreement } from '../sharing/end-agreement.js';
import { parseCommandArgs } from './args.js';
import type { CliCommand, CliIo } from './cli-io.js';
import { recordCliAudit, toCliAuditActor } from './cli-audit.js';
import { printResult } from './io-json.js';
import { resolveActor, withSharing } from './partner.js';

const help = `Usage: tearline agreement <add|list|show|suspend|resume|end|add-condition> …

  tearline agreement add <partner-id> --title T --tlp CLEAR|GREEN|AMBER|AMBER+STRICT|RED --reason R
        [--permitted-actions none|contact-for-instruction|internally-visible-actions|
                             externally-visible-indirect-actions|externally-visible-direct-actions]
        [--attribution may|must|must-not] [--notifications may|must-not]
        [--resale may|must-not] [--encrypt must|may] [--expires DATE]
      IEP terms left out take their strictest value.
  tearline agreement list [--partner ID]        with the effective state (clock and conditions)
  tearline agreement show <id>                  terms, conditions, effective state, history
  tearline agreement suspend|resume|end <id> --reason R
      ending is final and delivers revocations of every release made under the agreement
  tearline agreement add-condition <id> --text T --review DATE --expires DATE [--reason R]
      a partner's commitment; past its review date or expiry it suspends the agreement

Options:
  --as USER        the Tearline user acting (recorded in the history; default: your OS user)
  --database URL   store URL (default TEARLINE_DATABASE_URL or ${DEFAULT_DATABASE_URL})
  --json           machine-readable output

Example:
  tearline agreement add-condition 6f1c… --text "Guarantees for the rights of Afghan women" \\
    --review 2026-09-01 --expires 2027-03-01
`;

function usage(message: string): TearlineError {
  return new TearlineError('TEARLINE_E_CLI_USAGE', `${message} Run "tearline agreement --help".`);
}

const ACTIONS = ['add', 'list', 'show', 'suspend', 'resume', 'end', 'add-condition'];

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('agreement', argv, {
    title: { type: 'string' },
    tlp: { type: 'string' },
    reason: { type: 'string' },
    'permitted-actions': { type: 'string' },
    attribution: { type: 'string' },
    notifications: { type: 'string' },
    resale: { type: 'string' },
    encrypt: { type: 'string' },
    expires: { type: 'string' },
    text: { type: 'string' },
    review: { type: 'string' },
    partner: { type: 'string' },
    as: { type: 'string' },
    json: { type: 'boolean', default: false },
    database: { type: 'string' },
  });
  const [action, arg, ...extra] = positionals;
  const json = values.json ?? false;
  if (action === undefined || !ACTIONS.includes(action))
    throw usage(`Unknown or missing action "${action ?? ''}".`);
  if (extra.length > 0) throw usage(`Unexpected argument "${extra[0]}".`);
  if (action !== 'list' && arg === undefined) throw usage(`"agreement ${action}" needs an id.`);
  return withSharing(io, values.database, async (deps, store) => {
    const actor = () => resolveActor(store, io, values.as, { commandName: 'agreement' });
    const audit = async (what: 'agreement.create' | 'agreement.change', ids: string[]) =>
      recordCliAudit(store, io, what, ids, await toCliAuditActor(store, io, values.as));
    switch (action) {
      case 'add': {
        const iep = {
          ...(values['permitted-actions'] !== undefined
            ? { permittedActions: values['permitted-actions'] }
            : {}),
          ...(values.attribution !== undefined ? { attribution: values.attribution } : {}),
          ...(values.notifications !== undefined
            ? { affectedPartyNotifications: values.notifications }
            : {}),
          ...(values.resale !== undefined ? { unmodifiedResale: values.resale } : {}),
          ...(values.encrypt !== undefined ? { encryptInTransit: values.encrypt } : {}),
        };
        const agreement = await addAgreement(deps, await actor(), {
          partnerId: arg,
          title: values.title,
          tlp: values.tlp,
          iep,
          expires: values.expires,
          reason: values.reason,
        });
        await audit('agreement.create', [agreement.id]);
        printResult(
          io,
          json,
          agreement,
          `Agreement ${agreement.id}: ${agreement.title}, up to TLP:${agreement.tlp.toUpperCase()}.`,
        );
        return 0;
      }
      case 'list': {
        const now = deps.clock.now();
        const agreements = await deps.sharing.agreements.listAgreements(
          values.partner === undefined ? {} : { partnerId: values.partner },
        );
        const rows = agreements.map((agreement) => ({
          agreement,
          effective: getEffectiveState(agreement, now),
        }));
        const lines = rows.map(
          ({ agreement: a, effective: e }) =>
            `${a.id}  ${e.state.padEnd(9)} TLP:${a.tlp.toUpperCase().padEnd(12)} ${a.title}  (partner ${a.partnerId})`,
        );
        printResult(io, json, rows, rows.length === 0 ? 'No agreements.' : lines.join('\n'));
        return 0;
      }
      case 'show': {
        const view = await showAgreement(deps, arg as string);
        const a = view.agreement;
        const lines = [
          `${a.title} (${a.id}) with partner ${a.partnerId}`,
          `state: ${view.effective.state}${view.effective.reasons.length > 0 ? ` — ${view.effective.reasons.join('; ')}` : ''}`,
          `TLP:${a.tlp.toUpperCase()}; IEP permitted actions ${a.iep.permittedActions}, attribution ${a.iep.attribution}, notifications ${a.iep.affectedPartyNotifications}, resale ${a.iep.unmodifiedResale}, encryption ${a.iep.encryptInTransit}`,
          ...a.conditions.map(
            (c) =>
              `condition ${c.id}: ${c.text} (review ${c.reviewDate}, expires ${c.expires}${c.breached ? `, BREACHED ${c.breached}` : ''})`,
          ),
          'history:',
          ...view.events.map((e) => `  ${e.at} ${e.actor} ${e.action}: ${e.reason}`),
        ];
        printResult(io, json, view, lines.join('\n'));
        return 0;
      }
      case 'suspend':
      case 'resume': {
        const a = await changeAgreementState(
          deps,
          await actor(),
          arg as string,
          action === 'suspend' ? 'suspended' : 'active',
          values.reason,
        );
        await audit('agreement.change', [a.id]);
        printResult(io, json, a, `Agreement ${a.id} is ${a.state}.`);
        return 0;
      }
      case 'end': {
        const result = await endAgreement(deps, await actor(), arg as string, values.reason);
        await audit('agreement.change', [result.agreement.id, ...result.revoked.map((r) => r.id)]);
        printResult(
          io,
          json,
          { agreement: result.agreement, revokedReleases: result.revoked.map((r) => r.id) },
          `Agreement ${result.agreement.id} ended; ${result.revoked.length} release(s) revoked.`,
        );
        return 0;
      }
      default: {
        const a = await addCondition(deps, await actor(), arg as string, {
          text: values.text,
          reviewDate: values.review,
          expires: values.expires,
          ...(values.reason !== undefined ? { reason: values.reason } : {}),
        });
        const c = a.conditions[a.conditions.length - 1];
        await audit('agreement.change', [a.id, c?.id ?? '']);
        printResult(io, json, a, `Condition ${c?.id} added; review by ${c?.reviewDate}.`);
        return 0;
      }
    }
  });
}

/** `tearline agreement`. */
export const command: CliCommand = {
  help,
  run,
};
