import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { galley } from '../bridge';
import { isChief } from '../sync/session';
import { signIn, signOut } from '../sync/team';
import { useTeam } from '../sync/team-state';
import { useModalDialog } from './useModalDialog';

/**
 * Who this desk is on the team's server: signed in as a CouchDB user (with their role and where the
 * credential is kept, and a way out), or a button that asks for a user name and password. Nothing
 * in solo use.
 */
export function TeamSignIn() {
  const { t } = useTranslation('team');
  const server = useTeam((state) => state.server);
  const signedIn = useTeam((state) => state.signedIn);
  const session = useTeam((state) => state.session);
  const [asking, setAsking] = useState(false);
  if (server === '') return null;
  if (!signedIn)
    return (
      <>
        <button type="button" onClick={() => setAsking(true)} data-testid="sign-in">
          {t('signIn.open')}
        </button>
        <SignInDialog open={asking} close={() => setAsking(false)} />
      </>
    );
  const role = session && (isChief(session) ? 'chief' : 'editor');
  return (
    <span className="team-user" data-testid="signed-in">
      <span title={t(`signIn.kept.${signedIn.kept}`)}>
        {role ? t(`signIn.as.${role}`, { name: signedIn.username }) : signedIn.username}
      </span>
      <button type="button" onClick={() => void signOut()} data-testid="sign-out">
        {t('signIn.out')}
      </button>
    </span>
  );
}

function SignInDialog({ open, close }: { open: boolean; close: () => void }) {
  const { t } = useTranslation('team');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [refusal, setRefusal] = useState<'wrong' | 'unreachable' | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(open, (element) => element.querySelector('input')?.focus());
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await signIn({ username: username.trim(), password }).finally(() => setBusy(false));
    if (!result.ok) return setRefusal(result.reason);
    setPassword('');
    setRefusal(null);
    close();
  };
  return (
    <dialog
      ref={dialog}
      className="dialog"
      onClose={close}
      aria-labelledby="sign-in-title"
      data-testid="sign-in-dialog"
    >
      <form className="sign-in-form" onSubmit={(event) => void submit(event)}>
        <h2 id="sign-in-title">{t('signIn.title')}</h2>
        <SignInField name="username" type="text" value={username} onChange={setUsername} />
        <SignInField name="password" type="password" value={password} onChange={setPassword} />
        <p className="sign-in-note">{t(`signIn.keeping.${galley.host}`)}</p>
        {refusal && (
          <p role="alert" className="sign-in-refusal" data-testid="sign-in-refused">
            {t(`signIn.refused.${refusal}`)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('signIn.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

const AUTOCOMPLETE = { username: 'username', password: 'current-password' } as const;

function SignInField({
  name,
  type,
  value,
  onChange,
}: {
  name: keyof typeof AUTOCOMPLETE;
  type: 'text' | 'password';
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('team');
  return (
    <label>
      <span>{t(`signIn.${name}`)}</span>
      <input
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={AUTOCOMPLETE[name]}
        required
        data-testid={`sign-in-${name}`}
      />
    </label>
  );
}
