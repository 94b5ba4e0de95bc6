import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

export interface ConfirmWriteProps {
  open: boolean;
  title: string;
  /** The question with its count: "Zmieni się 19 klientów. Zapisać?" */
  question: string;
  /** What the user can do afterwards, e.g. that the write can be undone. */
  note?: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The question asked before a write that changes many clients at once. */
export function ConfirmWrite(props: ConfirmWriteProps) {
  const { open, title, question, note, confirmLabel, cancelLabel, onConfirm, onCancel } = props;
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p>{question}</p>
            {note && <p>{note}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel}>{cancelLabel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
