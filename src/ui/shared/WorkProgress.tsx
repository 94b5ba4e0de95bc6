import { Field, ProgressBar } from '@fluentui/react-components';

export interface WorkProgressProps {
  label: string;
  /** 0–1 when the work knows how far it is; indeterminate otherwise. */
  value?: number;
}

/** Progress of work that may take longer than a second (loading a big workbook, saving). */
export function WorkProgress({ label, value }: WorkProgressProps) {
  return (
    <Field label={label} validationState="none">
      <ProgressBar value={value} thickness="large" aria-label={label} />
    </Field>
  );
}
