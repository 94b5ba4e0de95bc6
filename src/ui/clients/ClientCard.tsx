import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { recordNoun, recordTitle } from '../../core/clients/record-titles';
import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';
import type { StoredRecord } from '../../store/port';
import { enumLabel } from '../shared/enum-options';
import { shownDate, shownText, todayIso } from '../shared/format';
import { CardItem } from './CardItem';
import { GdprBadges } from './GdprBadges';
import { EnumBadge } from './EnumBadge';
import { CardSection } from './CardSection';
import { CardRecordForm } from './CardRecordForm';
import { cardSections, type CardSectionSpec, type QuickChange } from './client-card-sections';
import { CLIENTS_TABLE } from './client-form-fields';
import { clientText, deleteQuestion } from './client-texts';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { ErrorMessageBar } from '../shared/ErrorMessageBar';
import { useAsyncAction } from '../shared/use-async-action';
import { useDiscardGuard } from '../shared/unsaved-changes';
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
  /** Opens an opportunity in its own view (stages, won, lost), where the pane has one. */
  onOpenOpportunity?: (opportunityId: string) => void;
  /** A new opportunity for this client in the sales view (its stages, tasks and history), not a quick add. */
  onNewOpportunity?: (clientId: string) => void;
}

interface RecordOnCard {
  spec: CardSectionSpec;
  row: StoredRecord;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  top: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  titleLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: {
    overflowWrap: 'anywhere',
    margin: 0,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
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
  onOpenOpportunity,
  onNewOpportunity,
}: ClientCardProps) {
  const styles = useStyles();
  const [adding, setAdding] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<RecordOnCard | null>(null);
  const [notice, setNotice] = useState<{ section: string; text: string } | null>(null);
  // The section of the last one-click change: its failure is shown there, where the user is.
  const [actedOn, setActedOn] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const guard = useDiscardGuard();
  const { client } = data;
  const personEntries = new Map(data.people.map((entry) => [entry.person.id, entry]));
  const sections = cardSections({
    locale,
    card: data,
    stages,
    surveys,
    today: todayIso(),
    user: service.user,
  });
  const removal = useAsyncAction((target: RecordOnCard) =>
    service.remove(target.spec.key, target.row.id, target.row.version, { locale }),
  );
  const quickChange = useAsyncAction((target: RecordOnCard, change: QuickChange) => {
    setActedOn(target.spec.key);
    return change.apply(service, target.row, locale);
  });

  // The card takes the focus when it opens, so a keyboard or screen reader user starts at its name.
  useEffect(() => {
    headingRef.current?.focus();
  }, [client.id]);

  const openForm = (next: { adding?: string; editing?: string }) =>
    guard(() => {
      setNotice(null);
      setAdding(next.adding ?? null);
      setEditing(next.editing ?? null);
    });

  const itemActions = (spec: CardSectionSpec, row: StoredRecord) => {
    const title = recordTitle(spec.key, row);
    const named = (label: string) => (title ? `${label}: ${title}` : label);
    return (
      <>
        {spec.opensElsewhere && onOpenOpportunity && (
          <Button size="small" appearance="subtle" onClick={() => guard(() => onOpenOpportunity(row.id))}>
            {clientText(locale, 'openRecord')}
          </Button>
        )}
        {spec.quickChanges?.(row).map((change) => (
          <Button
            key={change.label}
            size="small"
            appearance="subtle"
            aria-label={named(clientText(locale, change.label))}
            disabled={quickChange.busy}
            onClick={() => void quickChange.run({ spec, row }, change)}
          >
            {clientText(locale, change.label)}
          </Button>
        ))}
        <Button
          size="small"
          appearance="subtle"
          aria-label={named(clientText(locale, 'editRecord'))}
          onClick={() => openForm({ editing: `${spec.key}:${row.id}` })}
        >
          {clientText(locale, 'editRecord')}
        </Button>
        <Button
          size="small"
          appearance="subtle"
          aria-label={named(clientText(locale, 'deleteRecord'))}
          onClick={() => {
            removal.clearError();
            setDeleting({ spec, row });
          }}
        >
          {clientText(locale, 'deleteRecord')}
        </Button>
      </>
    );
  };

  return (
    <article className={styles.root} aria-labelledby="client-card-title">
      <div className={styles.top}>
        <div>
          <Button size="small" appearance="transparent" onClick={onBack}>
            ‹ {clientText(locale, 'backToList')}
          </Button>
        </div>
        <div className={styles.titleLine}>
          <h2 id="client-card-title" className={styles.title} ref={headingRef} tabIndex={-1}>
            <Subtitle1>{shownText(client.name)}</Subtitle1>
          </h2>
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
          onAdd={
            spec.add &&
            (() =>
              spec.key === 'opportunities' && onNewOpportunity
                ? guard(() => onNewOpportunity(client.id))
                : openForm({ adding: spec.key }))
          }
          addForm={
            spec.add && (
              <CardRecordForm
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
          notice={
            <>
              {notice?.section === spec.key && (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>{notice.text}</MessageBarBody>
                </MessageBar>
              )}
              {actedOn === spec.key && quickChange.error !== null && (
                <ErrorMessageBar
                  locale={locale}
                  error={quickChange.error}
                  onDismiss={quickChange.clearError}
                />
              )}
            </>
          }
        >
          {spec.rows.map((row) => {
            const person = spec.key === 'people' ? personEntries.get(row.id) : undefined;
            if (editing === `${spec.key}:${row.id}`) {
              return (
                <li key={row.id}>
                  <CardRecordForm
                    locale={locale}
                    service={service}
                    table={spec.key}
                    fields={spec.edit}
                    editing={row}
                    onDone={() => setEditing(null)}
                  />
                </li>
              );
            }
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
                actions={itemActions(spec, row)}
              />
            );
          })}
        </CardSection>
      ))}
      <ConfirmDialog
        open={deleting !== null}
        title={clientText(locale, 'deleteTitle')}
        message={
          deleting
            ? deleteQuestion(
                locale,
                recordNoun(deleting.spec.key, locale),
                recordTitle(deleting.spec.key, deleting.row),
              )
            : ''
        }
        confirmLabel={clientText(locale, removal.busy ? 'deleting' : 'deleteConfirm')}
        cancelLabel={clientText(locale, 'cancel')}
        busy={removal.busy}
        failure={removal.error !== null && <ErrorMessageBar locale={locale} error={removal.error} />}
        onConfirm={() => {
          const target = deleting;
          if (!target) return;
          void removal.run(target).then((done) => {
            if (!done) return;
            setDeleting(null);
            setNotice({ section: target.spec.key, text: clientText(locale, 'deleted') });
          });
        }}
        onCancel={() => setDeleting(null)}
      />
      <Text size={100} className={styles.subtle}>
        ID: {client.id}
      </Text>
    </article>
  );
}
