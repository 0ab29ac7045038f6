import { useEffect, useRef } from 'react';

/**
 * Asks to confirm ending an agreement, stating what it does: ending is final and revokes every
 * release delivered under it (the partner's TAXII collection receives revoked versions).
 *
 * @example <EndAgreementDialog open title="ISIS-K sharing" delivered={2} onConfirm={end} onCancel={close} />
 */
export function EndAgreementDialog(props: {
  open: boolean;
  title: string;
  partnerName: string;
  delivered: number | undefined;
  reason: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);
  const releases =
    props.delivered === undefined
      ? 'every release delivered under it'
      : props.delivered === 1
        ? 'the 1 release delivered under it'
        : `the ${props.delivered} releases delivered under it`;
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby="end-dialog-title"
      aria-describedby="end-dialog-consequence"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id="end-dialog-title">End “{props.title}”?</h2>
      <p id="end-dialog-consequence">
        Ending is final. It revokes {releases}: {props.partnerName} receives revoked versions of
        everything it was given, and nothing more is released under this agreement. To share again
        you need a new agreement.
      </p>
      <p>
        Reason recorded: <q>{props.reason}</q>
      </p>
      <div className="actions">
        <button type="button" className="danger" onClick={props.onConfirm}>
          End agreement and revoke
        </button>
        <button type="button" className="secondary" onClick={props.onCancel} autoFocus>
          Keep the agreement
        </button>
      </div>
    </dialog>
  );
}
