import {
  Body1,
  Button,
  Field,
  FluentProvider,
  Input,
  Title3,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Locale } from '../../core/i18n';
import { standaloneText } from './standalone-texts';

export interface UserNameGateProps {
  locale: Locale;
  /** The name chosen before, when the user is changing it. */
  currentName?: string;
  onChosen: (name: string) => void;
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '420px',
  },
});

/**
 * Asked in the standalone mode (Office knows who the user is) at the first visit, and again when
 * the user changes it: the name the audit records.
 */
export function UserNameGate({ locale, currentName, onChosen }: UserNameGateProps) {
  const styles = useStyles();
  // No name is offered: "Ja" in the history and the audit would tell colleagues nothing.
  const [name, setName] = useState(currentName ?? '');
  const [submitted, setSubmitted] = useState(false);
  const missing = name.trim() === '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!missing) onChosen(name.trim());
  };
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <form className={styles.form} onSubmit={submit} noValidate>
          <Title3 as="h1">{standaloneText(locale, 'whoTitle')}</Title3>
          <Body1>{standaloneText(locale, 'whoHint')}</Body1>
          <Field
            label={standaloneText(locale, 'whoLabel')}
            required
            validationState={submitted && missing ? 'error' : 'none'}
            validationMessage={submitted && missing ? standaloneText(locale, 'whoRequired') : undefined}
          >
            <Input
              value={name}
              onChange={(_e, data) => setName(data.value)}
              autoComplete="name"
              placeholder={standaloneText(locale, 'whoPlaceholder')}
            />
          </Field>
          <div>
            <Button type="submit" appearance="primary">
              {standaloneText(locale, 'whoContinue')}
            </Button>
          </div>
        </form>
      </main>
    </FluentProvider>
  );
}
