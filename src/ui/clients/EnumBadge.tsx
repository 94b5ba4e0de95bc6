import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Locale } from '../../core/i18n';
import type { FieldValue } from '../../core/records';
import { enumLabel } from '../shared/enum-options';

type BadgeColor = NonNullable<BadgeProps['color']>;

/**
 * Colours that carry meaning (done, lost, urgent); every other value is informative. `subtle` is
 * for tinted badges only: as an outline it is white on white.
 */
const COLORS: Readonly<Record<string, Readonly<Record<string, BadgeColor>>>> = {
  clientStatus: { prospect: 'brand', active: 'success', inactive: 'subtle' },
  taskPriority: { high: 'danger', urgent: 'danger' },
  taskStatus: { done: 'success', cancelled: 'subtle' },
  opportunityStatus: { open: 'brand', won: 'success', lost: 'danger' },
  offerStatus: { accepted: 'success', rejected: 'danger', expired: 'subtle' },
  complaintStatus: { received: 'warning', inReview: 'warning', accepted: 'success', closed: 'success' },
};

export interface EnumBadgeProps {
  locale: Locale;
  enumKey: string;
  value: FieldValue | undefined;
  appearance?: BadgeProps['appearance'];
}

/** A value of a closed list as a small badge with its label in the user's language. */
export function EnumBadge({ locale, enumKey, value, appearance = 'tint' }: EnumBadgeProps) {
  if (typeof value !== 'string' || value === '') return null;
  return (
    <Badge appearance={appearance} color={COLORS[enumKey]?.[value] ?? 'informative'} size="small">
      {enumLabel(enumKey, value, locale)}
    </Badge>
  );
}
