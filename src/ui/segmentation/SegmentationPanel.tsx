import type { Locale } from '../../core/i18n';
import type { CrmService } from '../../services/crm-service';

export interface SegmentationPanelProps {
  locale: Locale;
  service: CrmService;
}

/** Placeholder until the view is built; the app shell already links to it. */
export function SegmentationPanel(_props: SegmentationPanelProps) {
  return null;
}
