import { useCallback, useState } from 'react';
import type { Locale } from '../../core/i18n';
import { missingRequiredFields, stagesOf } from '../../core/sales/pipeline-reading';
import type { RecordFields } from '../../core/records';
import type { StoredRow } from '../../core/clients/client-rows';
import type { StoredRecord } from '../../store/port';
import type { SalesService } from './sales-service';
import { salesCount, salesText } from './sales-texts';

/** A move waiting for the fields its stage requires. */
export interface PendingMove {
  opportunity: StoredRecord;
  stage: string;
  missing: string[];
}

export interface OpportunityMove {
  /** Moves at once, or asks for the stage's missing required fields first. */
  request(opportunityId: string, stage: string): void;
  /** Completes the pending move with the fields the user filled. */
  complete(changes: RecordFields): Promise<boolean>;
  cancel(): void;
  pending: PendingMove | null;
  busy: boolean;
  error: unknown;
  clearError(): void;
  /** The last move's words for the live region. */
  announcement: string;
  announce(text: string): void;
}

/** The keys of the stage's required fields the opportunity leaves empty; none when the stage names a
 * field that does not exist (the service's move then says which). */
function missingFieldKeys(stage: StoredRow, opportunity: StoredRecord): string[] {
  try {
    return missingRequiredFields(stage, opportunity).map((c) => c.key);
  } catch {
    return [];
  }
}

/**
 * Moving opportunities between stages, shared by the board (drag, menu, keyboard) and the
 * opportunity view: the required fields are asked for in a dialog before the service is called.
 */
export function useOpportunityMove(service: SalesService, locale: Locale): OpportunityMove {
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');

  const run = useCallback(
    async (opportunity: StoredRecord, stage: string, changes?: RecordFields) => {
      setBusy(true);
      setError(null);
      try {
        const entry = await service.moveOpportunity(opportunity.id, opportunity.version, stage, changes);
        const name = String(opportunity.name ?? '');
        const tasks = entry.createdTasks.length;
        setAnnouncement(
          tasks > 0
            ? salesText(locale, 'movedWithTasks', {
                name,
                stage,
                tasks: salesCount(locale, tasks, 'newTasks'),
              })
            : salesText(locale, 'moved', { name, stage }),
        );
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [service, locale],
  );

  const request = useCallback(
    (opportunityId: string, stage: string) => {
      const tables = service.snapshot?.tables;
      const opportunity = tables?.opportunities?.find((o) => o.id === opportunityId);
      if (!tables || !opportunity || opportunity.stage === stage) return;
      const target = stagesOf(tables, String(opportunity.pipeline ?? '')).find((s) => s.stage === stage);
      const missing = target ? missingFieldKeys(target, opportunity) : [];
      if (missing.length > 0) setPending({ opportunity, stage, missing });
      else void run(opportunity, stage);
    },
    [service, run],
  );

  const complete = useCallback(
    async (changes: RecordFields) => {
      if (!pending) return false;
      const done = await run(pending.opportunity, pending.stage, changes);
      if (done) setPending(null);
      return done;
    },
    [pending, run],
  );

  return {
    request,
    complete,
    cancel: () => {
      setPending(null);
      setError(null);
    },
    pending,
    busy,
    error,
    clearError: () => setError(null),
    announcement,
    announce: setAnnouncement,
  };
}
