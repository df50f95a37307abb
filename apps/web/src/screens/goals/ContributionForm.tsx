import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { ErrorAlert, SuccessAlert } from '../../components/Feedback';
import { formatDate, formatDateTime } from '../../lib/format';
import { problemsOf } from '../../graphql/errors';
import { ConflictPanel, mergeTexts, type SavedVersion } from './ConflictPanel';
import { AddContributionMutation } from './goal-form-queries';

interface Contribution {
  departmentCode: string;
  departmentName: string;
  text: string;
  version: number;
  author: string;
  updatedAt: string;
}

/** An involved (not lead) department's signed contribution to a goal. */
export function ContributionForm(props: {
  goalId: string;
  period: string;
  department: { code: string; name: string };
  own: Contribution | undefined;
  disabled: boolean;
  onSaved(): void;
}) {
  const { goalId, period, department, own, disabled, onSaved } = props;
  const [version, setVersion] = useState<number | null>(own?.version ?? null);
  const [conflict, setConflict] = useState<SavedVersion | null>(null);
  const [saved, setSaved] = useState(false);
  const [result, add] = useMutation(AddContributionMutation);
  const { register, handleSubmit, formState, getValues, setValue, setFocus } = useForm({ defaultValues: { text: own?.text ?? '' } });

  const onSubmit = handleSubmit(async ({ text }) => {
    setSaved(false);
    const res = await add({ goalId, period, department: department.code, text, version });
    const problem = problemsOf(res.error)[0];
    if (problem?.code === 'CONFLICT') {
      setConflict({ version: Number(problem.extensions['currentVersion']), ...(problem.extensions['current'] as object) });
      return;
    }
    if (res.data) {
      setVersion(res.data.addGoalContribution.version);
      setSaved(true);
      onSaved();
    }
  });

  return (
    <section aria-labelledby="contributo-titolo" className="mb-4">
      <h2 id="contributo-titolo" className="h4">
        Contributo del settore {department.name} al {formatDate(period)}
      </h2>
      <p>Il settore è coinvolto nella finalità: il contributo firmato accompagna lo stato di attuazione scritto dal settore capofila.</p>
      {own ? (
        <p className="small text-muted">
          Ultima versione di {own.author}, {formatDateTime(own.updatedAt)}.
        </p>
      ) : null}
      {conflict ? (
        <ConflictPanel
          what="Il contributo"
          saved={conflict}
          mine={getValues('text')}
          onKeepMine={() => {
            setVersion(conflict.version);
            setConflict(null);
          }}
          onKeepSaved={() => {
            setValue('text', conflict.text ?? '', { shouldDirty: true });
            setVersion(conflict.version);
            setConflict(null);
          }}
          onMerge={() => {
            setValue('text', mergeTexts(getValues('text'), conflict.text ?? ''), { shouldDirty: true });
            setVersion(conflict.version);
            setConflict(null);
            setFocus('text');
          }}
        />
      ) : null}
      {saved ? <SuccessAlert>Contributo salvato.</SuccessAlert> : null}
      {problemsOf(result.error)[0]?.code !== 'CONFLICT' ? <ErrorAlert error={result.error} title="Il contributo non è stato salvato." /> : null}
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={disabled}>
          <div className="form-group">
            <label htmlFor="contribution" className="active">
              Contributo
            </label>
            <textarea
              id="contribution"
              rows={8}
              className={`form-control${formState.errors.text ? ' is-invalid' : ''}`}
              aria-invalid={formState.errors.text ? true : undefined}
              aria-describedby={formState.errors.text ? 'contribution-error' : undefined}
              {...register('text', { validate: (v) => v.trim() !== '' || 'Scrivere il contributo del settore.' })}
            />
            {formState.errors.text ? (
              <div id="contribution-error" className="invalid-feedback d-block">
                {formState.errors.text.message}
              </div>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Salvataggio…' : 'Salva il contributo'}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
