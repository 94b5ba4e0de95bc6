import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { StoredRecord } from '../../store/port';

export interface ClientPickerProps {
  label: string;
  clients: readonly StoredRecord[];
  clientId: string;
  error?: string;
  onChange: (clientId: string) => void;
}

/** Options a typed name shows at most: a base of 100,000 clients stays quick to search. */
const MAX_OPTIONS = 30;

/** Picks the client by typing part of its name (or NIP). */
export function ClientPicker({ label, clients, clientId, error, onChange }: ClientPickerProps) {
  const chosen = clients.find((c) => c.id === clientId);
  const [typed, setTyped] = useState(chosen ? String(chosen.name ?? '') : '');
  const [open, setOpen] = useState(false);
  const options = useMemo(() => {
    const needle = typed.trim().toLocaleLowerCase('pl');
    const found: StoredRecord[] = [];
    for (const client of clients) {
      const name = String(client.name ?? '');
      if (
        !needle ||
        name.toLocaleLowerCase('pl').includes(needle) ||
        String(client.nip ?? '').includes(needle)
      )
        found.push(client);
      if (found.length >= MAX_OPTIONS) break;
    }
    return found;
  }, [clients, typed]);
  return (
    <Field label={label} required validationState={error ? 'error' : 'none'} validationMessage={error}>
      <Combobox
        freeform
        value={typed}
        selectedOptions={clientId ? [clientId] : []}
        open={open}
        onOpenChange={(_e, data) => setOpen(data.open)}
        onChange={(event) => {
          // Typing shows the matches at once.
          setTyped(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_e, data) => {
          setTyped(data.optionText ?? '');
          setOpen(false);
          onChange(data.optionValue ?? '');
        }}
      >
        {options.map((client) => (
          <Option key={client.id} value={client.id} text={String(client.name ?? '')}>
            {String(client.name ?? '')}
            {client.city ? ` (${String(client.city)})` : ''}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
