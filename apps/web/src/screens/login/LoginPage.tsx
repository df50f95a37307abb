import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/fields';
import { markFirstScreen } from '../../lib/first-screen';
import { CenterHeader, SiteFooter, SkipLink } from '../../app/SiteFrame';

interface LoginForm {
  username: string;
  password: string;
}

/** Only paths of this site: never an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export function LoginPage() {
  const { state, login } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('dopo'));
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus } = useForm<LoginForm>({ defaultValues: { username: '', password: '' } });

  useEffect(() => {
    if (failure) setFocus('password');
  }, [failure, setFocus]);
  useEffect(markFirstScreen, []);

  if (state.status === 'authenticated') {
    // Report downloads are served by the API, not by the app's router.
    if (next.startsWith('/reports/')) {
      window.location.assign(next);
      return null;
    }
    return <Navigate to={next} replace />;
  }

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const problem = await login(values.username.trim(), values.password);
    if (problem) setFailure(problem);
  });
  const notice = state.status === 'anonymous' ? state.notice : undefined;
  const errors = formState.errors;

  return (
    <>
      <SkipLink />
      <header className="it-header-wrapper">
        <div className="it-nav-wrapper">
          <CenterHeader />
        </div>
      </header>
      <main id="contenuto" className="container my-5" tabIndex={-1}>
        <div className="row justify-content-center">
          <div className="col-12 col-md-8 col-lg-5">
            <PageHeading title="Accesso">Stato di attuazione del Documento Unico di Programmazione.</PageHeading>
            {notice ? (
              <div className="alert alert-info" role="status">
                {notice}
              </div>
            ) : null}
            {failure ? (
              <div className="alert alert-danger" role="alert">
                {failure}
              </div>
            ) : null}
            <form onSubmit={onSubmit} noValidate className="mt-4">
              <TextField
                id="username"
                label="Nome utente"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                error={errors.username?.message}
                registration={register('username', { validate: (v) => v.trim() !== '' || 'Inserire il nome utente.' })}
              />
              <TextField
                id="password"
                label="Password"
                type="password"
                autoComplete="current-password"
                error={errors.password?.message}
                registration={register('password', { required: 'Inserire la password.' })}
              />
              <Button type="submit" color="primary" className="w-100" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? 'Accesso in corso…' : 'Accedi'}
              </Button>
            </form>
            <p className="small text-muted mt-4">
              Chi non ha le credenziali le chiede all'amministratore del sistema dell'ente. Le operazioni sono registrate nel registro delle modifiche.
            </p>
          </div>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}
