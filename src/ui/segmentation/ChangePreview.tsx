import { Body1, Button, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Locale } from '../../core/i18n';
import type { SegmentChangePlan, SegmentationClient } from '../../core/segmentation';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { clientFieldLabel, clientValueText } from './segment-values';
import { SEGMENTATION_VIEW_COUNTS, segmentationViewText } from './segmentation-view-texts';

export interface ChangePreviewProps {
  locale: Locale;
  plan: SegmentChangePlan;
  clients: readonly SegmentationClient[];
  busy: boolean;
  onWrite: () => void;
}

/** Clients listed one by one; the counts above cover them all. */
const SHOWN_CLIENTS = 20;
const SHOWN_TRANSITIONS = 12;

const useStyles = makeStyles({
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  transitions: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  caption: {
    textAlign: 'start',
    color: tokens.colorNeutralForeground3,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

/** Before writing: how many clients move between which values, and the first of them by name. */
export function ChangePreview({ locale, plan, clients, busy, onWrite }: ChangePreviewProps) {
  const styles = useStyles();
  const byId = useMemo(() => new Map(clients.map((client) => [client.id, client])), [clients]);
  const { preview, updates } = plan;
  const text = (key: Parameters<typeof segmentationViewText>[1]) => segmentationViewText(locale, key);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className={styles.preview} aria-labelledby="segment-preview-title">
      <Subtitle2 as="h3" id="segment-preview-title" className={styles.heading}>
        {text('previewTitle')}
      </Subtitle2>
      <Body1>
        {SEGMENTATION_VIEW_COUNTS.changedClients(locale, preview.changedClients, preview.unchangedClients)}
      </Body1>
      {updates.length === 0 ? (
        <Body1>{text('noChanges')}</Body1>
      ) : (
        <>
          <ul className={styles.transitions}>
            {preview.transitions.slice(0, SHOWN_TRANSITIONS).map((transition, index) => (
              <li key={index}>
                {SEGMENTATION_VIEW_COUNTS.transition(
                  locale,
                  clientFieldLabel(transition.field, locale),
                  transition.clients,
                  clientValueText(transition.field, transition.from, locale),
                  clientValueText(transition.field, transition.to, locale),
                )}
              </li>
            ))}
          </ul>
          {preview.transitions.length > SHOWN_TRANSITIONS && (
            <Body1>
              {SEGMENTATION_VIEW_COUNTS.moreChanges(locale, preview.transitions.length - SHOWN_TRANSITIONS)}
            </Body1>
          )}
          <table className={styles.table}>
            <caption className={styles.caption}>{text('changesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {text('clientColumn')}
                </th>
                <th scope="col" className={styles.cell}>
                  {text('changeColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {updates.slice(0, SHOWN_CLIENTS).map((update) => {
                const before = byId.get(update.id);
                return (
                  <tr key={update.id}>
                    <td className={styles.cell}>{String(before?.name ?? update.id)}</td>
                    <td className={styles.cell}>
                      {Object.entries(update.changes)
                        .filter(([field]) => field !== 'segmentedAt')
                        .map(
                          ([field, value]) =>
                            `${clientFieldLabel(field, locale)}: ${clientValueText(field, before?.[field], locale)} → ${clientValueText(field, value, locale)}`,
                        )
                        .join('; ')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {updates.length > SHOWN_CLIENTS && (
            <Body1>{SEGMENTATION_VIEW_COUNTS.moreChanges(locale, updates.length - SHOWN_CLIENTS)}</Body1>
          )}
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => setConfirming(true)}>
              {text('write')}
            </Button>
          </div>
          <ConfirmDialog
            open={confirming}
            title={text('confirmTitle')}
            message={`${SEGMENTATION_VIEW_COUNTS.confirmWrite(locale, preview.changedClients)} ${text('confirmNote')}`}
            confirmLabel={text('confirmWrite')}
            cancelLabel={text('cancelWrite')}
            onConfirm={() => {
              setConfirming(false);
              onWrite();
            }}
            onCancel={() => setConfirming(false)}
          />
        </>
      )}
    </section>
  );
}
