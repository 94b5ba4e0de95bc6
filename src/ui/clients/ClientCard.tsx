import { Button, Caption1, Link, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import { enumLabel } from '../shared/enum-options';
import { shownDate, shownText, todayIso } from '../shared/format';
import { CardItem } from './CardItem';
import { GdprBadges } from './GdprBadges';
import { EnumBadge } from './EnumBadge';
import { CardSection } from './CardSection';
import { QuickAddForm } from './QuickAddForm';
import { cardSections } from './client-card-sections';
import { CLIENTS_TABLE } from './client-form-fields';
import { clientText } from './client-texts';
import type { ClientCard as ClientCardData } from '../../core/clients/client-card';

export interface ClientCardProps {
  locale: Locale;
  service: CrmService;
  data: ClientCardData<StoredRecord>;
  /** Pipelines and their stages, for a new opportunity. */
  stages: readonly StoredRecord[];
  surveys: readonly StoredRecord[];
  onBack: () => void;
  onEdit: () => void;
  onMerge: () => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  titleLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { overflowWrap: 'anywhere', margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(80px, 38%) 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  value: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  subtle: { color: tokens.colorNeutralForeground3 },
});

const SHOWN_FACTS = [
  'type',
  'nip',
  'regon',
  'krs',
  'industry',
  'street',
  'postalCode',
  'city',
  'country',
  'email',
  'phone',
  'website',
  'source',
  'sourceDetail',
  'owner',
  'segment',
  'abcClass',
  'rfmScore',
  'keyAccount',
  'cooperationVariant',
  'notes',
];

function factValue(key: string, client: StoredRecord, locale: Locale): ReactNode {
  const column = CLIENTS_TABLE.columns.find((c) => c.key === key);
  const value = client[key];
  if (!column || value === null || value === undefined || value === '') return null;
  if (column.type === 'boolean') return clientText(locale, value === true ? 'yesWord' : 'noWord');
  if (column.type === 'enum' && column.enumKey) return enumLabel(column.enumKey, String(value), locale);
  if (key === 'email') return <Link href={`mailto:${String(value)}`}>{String(value)}</Link>;
  if (key === 'phone') return <Link href={`tel:${String(value).replace(/\s/g, '')}`}>{String(value)}</Link>;
  if (key === 'website') {
    return (
      <Link href={String(value)} target="_blank" rel="noreferrer">
        {String(value)}
      </Link>
    );
  }
  return shownText(value);
}

/** The client card (360°): the client's data and everything linked to it, each with a quick "add". */
export function ClientCard({
  locale,
  service,
  data,
  stages,
  surveys,
  onBack,
  onEdit,
  onMerge,
}: ClientCardProps) {
  const styles = useStyles();
  const [adding, setAdding] = useState<string | null>(null);
  const { client } = data;
  const personEntries = new Map(data.people.map((entry) => [entry.person.id, entry]));
  const sections = cardSections({ locale, card: data, stages, surveys, today: todayIso() });

  return (
    <article className={styles.root} aria-labelledby="client-card-title">
      <div className={styles.top}>
        <div>
          <Button size="small" appearance="transparent" onClick={onBack}>
            ‹ {clientText(locale, 'backToList')}
          </Button>
        </div>
        <div className={styles.titleLine}>
          <Subtitle1 as="h2" id="client-card-title" className={styles.title}>
            {shownText(client.name)}
          </Subtitle1>
          <EnumBadge locale={locale} enumKey="clientStatus" value={client.status} />
        </div>
        <Caption1 className={styles.subtle}>
          {[
            shownText(client.city),
            client.updatedAt
              ? `${clientText(locale, 'sortUpdated')}: ${shownDate(client.updatedAt, locale)}`
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Caption1>
        <div className={styles.actions}>
          <Button size="small" appearance="primary" onClick={onEdit}>
            {clientText(locale, 'edit')}
          </Button>
          <Button size="small" onClick={onMerge}>
            {clientText(locale, 'mergeInto')}
          </Button>
        </div>
      </div>

      <CardSection locale={locale} id="card-data" title="cardData">
        <li>
          <dl className={styles.facts}>
            {SHOWN_FACTS.map((key) => {
              const value = factValue(key, client, locale);
              if (value === null) return null;
              const header = CLIENTS_TABLE.columns.find((c) => c.key === key)?.header[locale] ?? key;
              return [
                <dt key={`${key}-t`} className={styles.term}>
                  {header}
                </dt>,
                <dd key={`${key}-v`} className={styles.value}>
                  {value}
                </dd>,
              ];
            })}
          </dl>
        </li>
      </CardSection>

      {sections.map((spec) => (
        <CardSection
          key={spec.key}
          locale={locale}
          id={`card-${spec.key}`}
          title={spec.title}
          count={spec.rows.length}
          addLabel={spec.add?.label}
          adding={adding === spec.key}
          onAdd={spec.add && (() => setAdding(spec.key))}
          addForm={
            spec.add && (
              <QuickAddForm
                locale={locale}
                service={service}
                table={spec.add.table}
                fields={spec.add.fields}
                initial={spec.add.initial}
                fixedAtSave={spec.add.fixedAtSave}
                save={spec.add.save}
                onDone={() => setAdding(null)}
              />
            )
          }
        >
          {spec.rows.map((row) => {
            const person = spec.key === 'people' ? personEntries.get(row.id) : undefined;
            return (
              <CardItem
                key={row.id}
                {...spec.item(row)}
                badges={
                  person ? (
                    <GdprBadges locale={locale} entry={person} />
                  ) : (
                    spec.badges?.map((badge) => (
                      <EnumBadge
                        key={badge.field}
                        locale={locale}
                        enumKey={badge.enumKey}
                        value={row[badge.field]}
                        appearance={badge.outline ? 'outline' : 'tint'}
                      />
                    ))
                  )
                }
              />
            );
          })}
        </CardSection>
      ))}
      <Text size={100} className={styles.subtle}>
        ID: {client.id}
      </Text>
    </article>
  );
}
