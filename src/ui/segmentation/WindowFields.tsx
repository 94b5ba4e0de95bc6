import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { DateWindow } from '../../core/segmentation';
import { isWindow } from './segmentation-facts';
import { segmentationViewText } from './segmentation-view-texts';

export interface WindowFieldsProps {
  locale: Locale;
  window: DateWindow;
  onChange: (window: DateWindow) => void;
}

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** The period whose won deals and contacts count, both days included. */
export function WindowFields({ locale, window, onChange }: WindowFieldsProps) {
  const styles = useStyles();
  const invalid = !isWindow(window);
  return (
    <div className={styles.row}>
      <Field
        label={segmentationViewText(locale, 'windowFrom')}
        validationState={invalid ? 'error' : 'none'}
        validationMessage={invalid ? segmentationViewText(locale, 'windowInvalid') : undefined}
      >
        <Input
          type="date"
          value={window.from}
          onChange={(_event, data) => onChange({ ...window, from: data.value })}
        />
      </Field>
      <Field label={segmentationViewText(locale, 'windowTo')}>
        <Input
          type="date"
          value={window.to}
          onChange={(_event, data) => onChange({ ...window, to: data.value })}
        />
      </Field>
    </div>
  );
}
