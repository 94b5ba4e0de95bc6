import {
  Button,
  Caption1,
  Field,
  SearchBox,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import { buildClientSearchIndex, searchClients } from '../../core/clients/client-search';
import type { Locale } from '../../core/i18n';
import type { StoredRecord } from '../../store/port';
import { shownText } from '../shared/format';
import { clientText } from './client-texts';

export interface MergeTargetPickerProps {
  locale: Locale;
  clients: readonly StoredRecord[];
  mergedId: string;
  onPick: (survivorId: string) => void;
  onCancel: () => void;
}

const SHOWN = 20;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  choice: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  choiceText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  details: { color: tokens.colorNeutralForeground3 },
});

/** "Merge into…": finding the client that stays, by the same search as the list. */
export function MergeTargetPicker({ locale, clients, mergedId, onPick, onCancel }: MergeTargetPickerProps) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const index = useMemo(() => buildClientSearchIndex(clients), [clients]);
  const merged = clients.find((c) => c.id === mergedId);
  const found = useMemo(
    () =>
      searchClients(index, { text: deferred }, { field: 'name', direction: 'asc' })
        .filter((c) => c.id !== mergedId)
        .slice(0, SHOWN),
    [index, deferred, mergedId],
  );
  return (
    <section className={styles.root} aria-labelledby="merge-pick-title">
      <div>
        <Button size="small" appearance="transparent" onClick={onCancel}>
          ‹ {clientText(locale, 'back')}
        </Button>
      </div>
      <Subtitle1 as="h2" id="merge-pick-title" className={styles.heading}>
        {clientText(locale, 'mergeChooseSurvivor')}
      </Subtitle1>
      <Caption1>
        {clientText(locale, 'mergeMerged')}: <strong>{shownText(merged?.name)}</strong>
      </Caption1>
      <Field label={clientText(locale, 'searchLabel')}>
        <SearchBox
          value={text}
          onChange={(_e, d) => setText(d.value)}
          placeholder={clientText(locale, 'searchPlaceholder')}
        />
      </Field>
      <ul className={styles.list}>
        {found.map((client) => (
          <li key={client.id}>
            <Button className={styles.choice} appearance="subtle" onClick={() => onPick(client.id)}>
              <span className={styles.choiceText}>
                <span>{shownText(client.name)}</span>
                <Caption1 className={styles.details}>
                  {[shownText(client.city), shownText(client.nip)].filter(Boolean).join(' · ')}
                </Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
