import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { ErrorAlert } from '../../components/Feedback';
import { SelectField, TextField } from '../../components/fields';
import { RoleLabels } from '../../gql/enum-labels';
import type { Role } from '../../gql/graphql';
import { fieldProblem } from '../../graphql/errors';
import { passwordProblem } from '../../lib/password-rules';
import { DepartmentChecklist } from './DepartmentChecklist';
import { CreateUserMutation } from './users-queries';

interface NewUserForm {
  username: string;
  displayName: string;
  role: Role | '';
  password: string;
  departmentCodes: string[];
}

const FIELDS = { username: 'username', displayName: 'displayName', role: 'role', password: 'password', departmentCodes: 'departmentCodes' } as const;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const ROLE_OPTIONS = (Object.keys(RoleLabels) as Role[]).map((r) => ({ value: r, label: RoleLabels[r] }));

/** A new user of the ente; the rules mirror the API's, whose message wins. */
export function CreateUserForm(props: { departments: readonly { code: string; name: string }[]; onCreated(username: string): void; onCancel(): void }) {
  const { departments, onCreated, onCancel } = props;
  const [result, create] = useMutation(CreateUserMutation);
  const heading = useRef<HTMLHeadingElement>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<NewUserForm>({
    defaultValues: { username: '', displayName: '', role: '', password: '', departmentCodes: [] },
  });
  useEffect(() => heading.current?.focus(), []);
  const role = useWatch({ control, name: 'role' });
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    const res = await create({
      input: {
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        role: values.role as Role,
        password: values.password,
        departmentCodes: values.role === 'DEPARTMENT_HEAD' ? values.departmentCodes : [],
      },
    });
    const problem = fieldProblem(res.error, FIELDS);
    if (problem) setError(problem.field, { message: problem.message }, { shouldFocus: true });
    else if (res.data) onCreated(res.data.createUser.username);
  });

  return (
    <section aria-labelledby="nuovo-utente" className="card card-bg no-after mb-4">
      <div className="card-body">
        <h2 id="nuovo-utente" ref={heading} tabIndex={-1} className="h4 card-title page-heading before-fields">
          Nuovo utente
        </h2>
        {!fieldProblem(result.error, FIELDS) ? <ErrorAlert error={result.error} /> : null}
        <form onSubmit={onSubmit} noValidate>
          <div className="row g-3">
            <div className="col-12 col-md-6">
              <TextField
                id="nuovo-username"
                label="Nome utente"
                hint="Lettere minuscole, cifre, punto e trattino (es. m.rossi)."
                autoComplete="off"
                error={errors.username?.message}
                registration={register('username', {
                  validate: (v) =>
                    USERNAME.test(v.trim().toLowerCase()) ||
                    'Nome utente non valido: 3-64 caratteri tra lettere minuscole, cifre, punto, trattino e trattino basso.',
                })}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="nuovo-nome"
                label="Nome e cognome"
                autoComplete="off"
                error={errors.displayName?.message}
                registration={register('displayName', { validate: (v) => v.trim() !== '' || 'Indicare il nome e cognome.' })}
              />
            </div>
            <div className="col-12 col-md-6">
              <SelectField
                id="nuovo-ruolo"
                label="Ruolo"
                placeholder="Scegliere…"
                options={ROLE_OPTIONS}
                error={errors.role?.message}
                registration={register('role', { required: 'Scegliere il ruolo.' })}
              />
            </div>
            <div className="col-12 col-md-6">
              <TextField
                id="nuovo-password"
                label="Password iniziale"
                type="password"
                autoComplete="new-password"
                hint="Almeno 12 caratteri, da comunicare all'utente."
                error={errors.password?.message}
                registration={register('password', { validate: (v) => passwordProblem(v) ?? true })}
              />
            </div>
          </div>
          {role === 'DEPARTMENT_HEAD' ? (
            <DepartmentChecklist
              idPrefix="nuovo-settore"
              departments={departments}
              error={errors.departmentCodes?.message}
              registration={register('departmentCodes', { validate: (v) => (v && v.length > 0) || 'Un dirigente deve essere associato ad almeno un settore.' })}
            />
          ) : null}
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
              Crea l'utente
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
              Annulla
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
