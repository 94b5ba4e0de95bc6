import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { PersonOnCard } from '../../core/clients/client-card';
import type { Locale } from '../../core/i18n';
import type { StoredRecord } from '../../store/port';
import { enumLabel } from '../shared/enum-options';
import { shownDate } from '../shared/format';
import { clientText } from './client-texts';

export interface GdprBadgesProps {
  locale: Locale;
  entry: PersonOnCard<StoredRecord>;
}

interface Flag {
  text: string;
  color: NonNullable<BadgeProps['color']>;
  appearance: BadgeProps['appearance'];
}

function gdprFlags(entry: PersonOnCard<StoredRecord>, locale: Locale): Flag[] {
  const flags: Flag[] = [];
  const flag = (text: string, color: Flag['color'], appearance: Flag['appearance'] = 'outline') =>
    flags.push({ text, color, appearance });
  if (entry.legalBasis) flag(enumLabel('gdprLegalBasis', entry.legalBasis, locale), 'informative');
  else flag(clientText(locale, 'gdprNoBasis'), 'warning');
  if (entry.consentWithdrawnOn) {
    flag(
      `${clientText(locale, 'gdprConsentWithdrawn')} ${shownDate(entry.consentWithdrawnOn, locale)}`,
      'danger',
      'filled',
    );
  } else if (entry.consentDate) {
    flag(`${clientText(locale, 'gdprConsentOn')} ${shownDate(entry.consentDate, locale)}`, 'informative');
  } else if (entry.missingConsentDate) flag(clientText(locale, 'gdprNoConsentDate'), 'warning');
  if (entry.retentionPassed) flag(clientText(locale, 'gdprRetentionPassed'), 'danger', 'filled');
  else if (entry.retentionUntil) {
    flag(
      `${clientText(locale, 'gdprRetainUntil')} ${shownDate(entry.retentionUntil, locale)}`,
      'informative',
    );
  }
  return flags;
}

/** A person's GDPR status at a glance: legal basis, consent date, and whether retention has passed. */
export function GdprBadges({ locale, entry }: GdprBadgesProps) {
  return (
    <>
      {gdprFlags(entry, locale).map((flag) => (
        <Badge key={flag.text} appearance={flag.appearance} color={flag.color} size="small">
          {flag.text}
        </Badge>
      ))}
    </>
  );
}
