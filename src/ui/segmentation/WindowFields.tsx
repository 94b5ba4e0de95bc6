import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { DateWindow } from '../../core/segmentation';
import { isWindow } from './segmentation-facts';
import { segmentationViewText } from './segmentation-view-texts';

export interface WindowFieldsProps {
  locale: Locale;
  period: DateWindow;
  onChange: (period: DateWindow) => void;
}

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** The period whose won deals and contacts count, both days included. */
export function WindowFields({ locale, period, onChange }: WindowFieldsProps) {
  const styles = useStyles();
  const invalid = !isWindow(period);
  return (
    <div className={styles.row}>
      <Field
        label={segmentationViewText(locale, 'windowFrom')}
        validationState={invalid ? 'error' : 'none'}
        validationMessage={invalid ? segmentationViewText(locale, 'windowInvalid') : undefined}
      >
        <Input
          type="date"
          value={period.from}
          onChange={(_event, data) => onChange({ ...period, from: data.value })}
        />
      </Field>
      <Field label={segmentationViewText(locale, 'windowTo')}>
        <Input
          type="date"
          value={period.to}
          onChange={(_event, data) => onChange({ ...period, to: data.value })}
        />
      </Field>
    </div>
  );
}
