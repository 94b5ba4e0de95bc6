import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { Locale } from '../../core/i18n';
import {
  classifyAbc,
  hasAbcData,
  planSegmentChanges,
  scoreRfm,
  segmentationAssignments,
  type AbcResult,
  type DateWindow,
  type RfmResult,
} from '../../core/segmentation';
import type { WorkbookSnapshot } from '../../store/port';
import { AbcSummary } from './AbcSummary';
import { clientsOf, factsOf, isWindow } from './segmentation-facts';
import { SEGMENTATION_VIEW_COUNTS, segmentationViewText } from './segmentation-view-texts';
import type { SegmentChanges } from './use-segment-changes';

export interface ScoringFormProps {
  locale: Locale;
  method: 'abc' | 'rfm';
  snapshot: WorkbookSnapshot;
  period: DateWindow;
  today: string;
  changes: SegmentChanges;
}

type Scores = { method: 'abc'; abc: AbcResult } | { method: 'rfm'; rfm: RfmResult };

/**
 * ABC classes or RFM scores of every client over the period, with their summary before writing.
 * A period with nothing to compute from (no won value for ABC, no client with data for RFM) is
 * said so, and offers nothing to write.
 */
export function ScoringForm({ locale, method, snapshot, period, today, changes }: ScoringFormProps) {
  const [scores, setScores] = useState<Scores | null>(null);
  const compute = () =>
    changes.compute(() => {
      const facts = factsOf(snapshot, period, today);
      const computed: Scores =
        method === 'abc' ? { method, abc: classifyAbc(facts) } : { method, rfm: scoreRfm(facts) };
      setScores(computed);
      if (!hasData(computed)) return null;
      return planSegmentChanges(
        clientsOf(snapshot),
        segmentationAssignments(computed),
        new Date().toISOString(),
      );
    });
  const current = scores?.method === method && changes.work === null ? scores : null;
  const shown = changes.plan ? current : null;
  return (
    <>
      <div>
        <Button
          appearance="primary"
          disabled={!isWindow(period) || changes.work !== null}
          onClick={() => void compute()}
        >
          {segmentationViewText(locale, 'compute')}
        </Button>
      </div>
      {current && !hasData(current) && (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>
            {segmentationViewText(locale, current.method === 'abc' ? 'noAbcData' : 'noRfmData')}
          </MessageBarBody>
        </MessageBar>
      )}
      {shown?.method === 'abc' && <AbcSummary locale={locale} abc={shown.abc} />}
      {shown?.method === 'rfm' && (
        <Body1>
          {SEGMENTATION_VIEW_COUNTS.rfmScored(locale, shown.rfm.scoredClients, shown.rfm.rows.length)}
        </Body1>
      )}
    </>
  );
}

const hasData = (scores: Scores) =>
  scores.method === 'abc' ? hasAbcData(scores.abc) : scores.rfm.scoredClients > 0;
