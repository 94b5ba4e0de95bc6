import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Locale } from '../../core/i18n';
import { salesText } from './sales-texts';

export interface SalesDialogProps {
  locale: Locale;
  /**
   * Kept mounted and closed through `open`: a Fluent dialog unmounted while open leaves the pane
   * behind it hidden from screen readers (aria-hidden on the root).
   */
  open: boolean;
  title: string;
  confirmLabel: string;
  /** While the action runs: the buttons wait and the dialog stays. */
  busy: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A small dialog of the sales screens: a form (Enter confirms), its action and Cancel. */
export function SalesDialog(props: SalesDialogProps) {
  const { locale, open, title, confirmLabel, busy, confirmDisabled, onConfirm, onCancel, children } = props;
  const styles = useStyles();
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_e, data) => !data.open && !busy && onCancel()}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy && !confirmDisabled) onConfirm();
          }}
        >
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>{children}</DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || confirmDisabled}>
                {confirmLabel}
              </Button>
              <Button onClick={onCancel} disabled={busy}>
                {salesText(locale, 'cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** The choices of a native list from plain names. */
export function NameOptions({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </>
  );
}
