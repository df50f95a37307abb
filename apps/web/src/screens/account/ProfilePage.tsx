import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession, useUser } from '../../auth/session';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/fields';
import { graphql } from '../../gql';
import { ROLE_NAMES } from '../../app/navigation';
import { passwordProblem } from '../../lib/password-rules';
import { safeNext } from '../login/LoginPage';

const ChangePassword = graphql(`
  mutation ChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next)
  }
`);

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

export function ProfilePage() {
  const user = useUser();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [result, change] = useMutation(ChangePassword);
  const [done, setDone] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const mustChange = user.mustChangePassword;
  // Once the session says the new password is in place, on to the page the user was going to.
  useEffect(() => {
    if (leaving && !mustChange) navigate(safeNext(params.get('dopo')), { replace: true });
  }, [leaving, mustChange, navigate, params]);
  const form = useForm<PasswordForm>({ defaultValues: { current: '', next: '', confirm: '' } });
  const { register, handleSubmit, formState, getValues, reset, setError } = form;

  const onSubmit = handleSubmit(async (values) => {
    setDone(false);
    const res = await change({ current: values.current, next: values.next });
    const field = res.error?.graphQLErrors[0]?.extensions?.['field'];
    if (field === 'currentPassword' || field === 'newPassword') {
      setError(field === 'currentPassword' ? 'current' : 'next', { message: res.error!.graphQLErrors[0].message });
      return;
    }
    if (res.data?.changePassword) {
      reset();
      setDone(true);
      if (user.mustChangePassword) {
        setLeaving(true);
        refresh();
      }
    }
  });

  return (
    <>
      <PageHeading title="Profilo" />
      {user.mustChangePassword ? (
        <div className="alert alert-warning" role="alert">
          <p className="fw-semibold mb-1">Scegliere una nuova password per continuare.</p>
          <p className="mb-0">
            L'amministratore ha reimpostato la sua password: quella ricevuta è temporanea. Inserirla come password attuale e sceglierne una nuova; poi si
            prosegue normalmente.
          </p>
        </div>
      ) : null}
      <dl className="row">
        <dt className="col-sm-3">Nome</dt>
        <dd className="col-sm-9">{user.displayName}</dd>
        <dt className="col-sm-3">Nome utente</dt>
        <dd className="col-sm-9">{user.username}</dd>
        <dt className="col-sm-3">Ruolo</dt>
        <dd className="col-sm-9">{ROLE_NAMES[user.role]}</dd>
      </dl>
      <section aria-labelledby="cambio-password" className="mt-4" style={{ maxWidth: '36rem' }}>
        <h2 id="cambio-password" className="h4">
          Cambio della password
        </h2>
        <p className="before-fields">Almeno 12 caratteri. Le altre sessioni aperte con questo utente (altri browser o dispositivi) vengono chiuse.</p>
        {done ? <SuccessAlert>Password cambiata. Le altre sessioni sono state chiuse.</SuccessAlert> : null}
        {!result.error?.graphQLErrors[0]?.extensions?.['field'] ? <ErrorAlert error={result.error} /> : null}
        <form onSubmit={onSubmit} noValidate>
          <TextField
            id="current"
            label="Password attuale"
            type="password"
            autoComplete="current-password"
            error={formState.errors.current?.message}
            registration={register('current', { required: 'Inserire la password attuale.' })}
          />
          <TextField
            id="next"
            label="Nuova password"
            type="password"
            autoComplete="new-password"
            error={formState.errors.next?.message}
            registration={register('next', {
              validate: (value) =>
                passwordProblem(value) ?? (value === getValues('current') ? 'La nuova password deve essere diversa da quella attuale.' : true),
            })}
          />
          <TextField
            id="confirm"
            label="Ripetere la nuova password"
            type="password"
            autoComplete="new-password"
            error={formState.errors.confirm?.message}
            registration={register('confirm', { validate: (value) => value === getValues('next') || 'Le due password non coincidono.' })}
          />
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            Cambia password
          </button>
        </form>
      </section>
    </>
  );
}
