import { Button, Caption1, Subtitle2 } from '@fluentui/react-components';
import type { ReactNode, RefObject } from 'react';

export interface EditableListHeaderProps {
  title: string;
  /** What the last change did, announced politely. */
  notice: string;
  addLabel: string;
  /** The new record's form, shown instead of the add button while it is open. */
  addForm: ReactNode | null;
  /** The add button, where the focus returns when the form closes. */
  addButton: RefObject<HTMLButtonElement>;
  onAdd: () => void;
}

/** The top of the Goals and Products lists: heading, the live notice, and "Add" or its form. */
export function EditableListHeader({
  title,
  notice,
  addLabel,
  addForm,
  addButton,
  onAdd,
}: EditableListHeaderProps) {
  return (
    <>
      <Subtitle2 as="h2">{title}</Subtitle2>
      <div role="status" aria-live="polite">
        <Caption1>{notice}</Caption1>
      </div>
      {addForm ?? (
        <Button ref={addButton} appearance="primary" onClick={onAdd}>
          {addLabel}
        </Button>
      )}
    </>
  );
}
