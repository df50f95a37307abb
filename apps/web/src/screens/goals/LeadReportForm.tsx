import { useEffect, useRef, useState } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import { useBlocker } from 'react-router';
import { useMutation } from 'urql';
import { problemsOf, type ApiProblem } from '../../graphql/errors';
import { formatDateTime } from '../../lib/format';
import { ConflictPanel, mergeTexts, type SavedVersion } from './ConflictPanel';
import { IndicatorFields } from './IndicatorFields';
import { StatusFields } from './StatusFields';
import { indicatorsOf, initialValues, resultInputs, statusInput, type FormGoal, type GoalFormValues } from './goal-form-model';
import { SaveGoalReportMutation } from './goal-form-queries';

const STATUS_FIELDS: Record<string, keyof GoalFormValues> = {
  narrative: 'narrative',
  declaredState: 'declaredState',
  percentComplete: 'percent',
  deferredTo: 'deferredTo',
  deferralText: 'deferralText',
};
const RESULT_FIELDS = ['status', 'text', 'value', 'deferredTo'] as const;

type Conflict = { part: 'status'; saved: SavedVersion } | { part: 'result'; index: number; saved: SavedVersion };

/** The lead department's report on a goal: status and indicator results, saved together. */
export function LeadReportForm({ goal, period, deferrals, disabled }: { goal: FormGoal; period: string; deferrals: string[]; disabled: boolean }) {
  const [initial] = useState(() => initialValues(goal, period));
  const [versions, setVersions] = useState(initial.versions);
  const methods = useForm<GoalFormValues>({ defaultValues: initial.values });
  const { handleSubmit, formState, getValues, setValue, setError, reset, setFocus } = methods;
  const [, save] = useMutation(SaveGoalReportMutation);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [nothing, setNothing] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const saved = useRef<HTMLDivElement>(null);
  const indicators = indicatorsOf(goal);

  const dirty = formState.isDirty && !formState.isSubmitSuccessful;
  useUnsavedChangesGuard(formState.isDirty);
  useEffect(() => {
    if (savedAt) saved.current?.focus();
  }, [savedAt]);

  const onSubmit = handleSubmit(async (values) => {
    setSavedAt(null);
    setNothing(false);
    setProblem(null);
    const d = formState.dirtyFields;
    const statusChanged = Boolean(d.narrative || d.declaredState || d.percent || d.deferredTo || d.deferralText);
    const changed = values.results.map((_, i) => i).filter((i) => Object.values(d.results?.[i] ?? {}).some(Boolean));
    const status = statusInput(values, versions, statusChanged);
    const results = resultInputs(values, versions, changed);
    if (!status && results.length === 0) {
      setNothing(true);
      return;
    }
    const res = await save({ input: { goalId: goal.id, period, status, results } });
    const failure = problemsOf(res.error)[0];
    if (failure) return handleProblem(failure, values);
    const report = res.data!.saveGoalReport;
    const resultVersions = { ...versions.results };
    changed.forEach((i, k) => (resultVersions[values.results[i].indicatorId] = report.results[k].version));
    setVersions({ status: report.status?.version ?? versions.status, results: resultVersions });
    reset(values);
    setConflict(null);
    setSavedAt(new Date().toISOString());
  });

  function handleProblem(failure: ApiProblem, values: GoalFormValues) {
    const ext = failure.extensions;
    const index = ext['indicatorId'] ? values.results.findIndex((r) => r.indicatorId === ext['indicatorId']) : -1;
    if (failure.code === 'CONFLICT') {
      const saved = { version: Number(ext['currentVersion']), ...(ext['current'] as object) } as SavedVersion;
      setConflict(ext['part'] === 'result' && index >= 0 ? { part: 'result', index, saved } : { part: 'status', saved });
      return;
    }
    const field = failure.field;
    if (failure.code === 'BAD_USER_INPUT' && field) {
      if (ext['part'] === 'result' && index >= 0 && (RESULT_FIELDS as readonly string[]).includes(field)) {
        const name = `results.${index}.${field as (typeof RESULT_FIELDS)[number]}` as const;
        setError(name, { message: failure.message }, { shouldFocus: true });
        return;
      }
      if (STATUS_FIELDS[field]) {
        setError(STATUS_FIELDS[field] as 'narrative', { message: failure.message }, { shouldFocus: true });
        return;
      }
    }
    setProblem(failure);
  }

  const resolve = (choice: 'mine' | 'saved' | 'merge') => {
    if (!conflict) return;
    const { saved } = conflict;
    if (conflict.part === 'status') {
      setVersions((v) => ({ ...v, status: saved.version }));
      if (choice === 'saved') {
        setValue('narrative', saved.narrative ?? '', { shouldDirty: true });
        if (saved.declaredState) setValue('declaredState', saved.declaredState, { shouldDirty: true });
      }
      if (choice === 'merge') setValue('narrative', mergeTexts(getValues('narrative'), saved.narrative ?? ''), { shouldDirty: true });
      setConflict(null);
      setFocus('narrative');
    } else {
      const r = `results.${conflict.index}` as const;
      const indicatorId = getValues(`${r}.indicatorId`);
      setVersions((v) => ({ ...v, results: { ...v.results, [indicatorId]: saved.version } }));
      if (choice === 'saved') setValue(`${r}.text`, saved.text ?? '', { shouldDirty: true });
      if (choice === 'merge') setValue(`${r}.text`, mergeTexts(getValues(`${r}.text`), saved.text ?? ''), { shouldDirty: true });
      setConflict(null);
      setFocus(`${r}.text`);
    }
  };

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate aria-label="Stato di attuazione e risultati">
        {conflict ? (
          <ConflictPanel
            what={conflict.part === 'status' ? 'Lo stato di attuazione' : `Il risultato di «${indicators[conflict.index]?.name ?? ''}»`}
            saved={conflict.saved}
            mine={conflict.part === 'status' ? getValues('narrative') : getValues(`results.${conflict.index}.text`)}
            onKeepMine={() => resolve('mine')}
            onKeepSaved={() => resolve('saved')}
            onMerge={() => resolve('merge')}
          />
        ) : null}
        <StatusFields goal={goal} period={period} deferrals={deferrals} disabled={disabled} />
        <section aria-labelledby="indicatori-titolo" className="mb-4">
          <h2 id="indicatori-titolo" className="h4">
            Indicatori
          </h2>
          {indicators.length === 0 ? <p>L'obiettivo non ha indicatori.</p> : null}
          {goal.indicators.length === 0 && indicators.length > 0 ? (
            <p className="small">L'obiettivo non collega i suoi indicatori alle singole finalità: valgono per tutte le sue finalità.</p>
          ) : null}
          {indicators.map((indicator, index) => (
            <IndicatorFields key={indicator.id} indicator={indicator} index={index} period={period} deferrals={deferrals} disabled={disabled} />
          ))}
        </section>
        {problem ? (
          <div className="alert alert-danger" role="alert">
            <p className="fw-semibold mb-1">Nulla è stato salvato.</p>
            <p className="mb-0">{problem.message}</p>
          </div>
        ) : null}
        {hasErrors(formState.errors) ? (
          <div className="alert alert-danger" role="alert">
            Correggere i campi segnalati: nulla è stato salvato.
          </div>
        ) : null}
        <div aria-live="polite">
          {nothing ? <p className="alert alert-info">Nessuna modifica da salvare.</p> : null}
          {savedAt ? (
            <div ref={saved} tabIndex={-1} className="alert alert-success">
              Salvato alle {formatDateTime(savedAt).split(', ')[1]}: stato di attuazione e risultati sono registrati.
            </div>
          ) : null}
        </div>
        <div className="d-flex flex-wrap gap-2 align-items-center sticky-save py-2">
          <button type="submit" className="btn btn-primary" disabled={disabled || formState.isSubmitting}>
            {formState.isSubmitting ? 'Salvataggio…' : 'Salva'}
          </button>
          {dirty ? <span className="small text-muted">Modifiche non ancora salvate.</span> : null}
        </div>
      </form>
    </FormProvider>
  );
}

const hasErrors = (errors: FieldErrors<GoalFormValues>) => Object.keys(errors).length > 0;

/** Leaving the page (a link, or closing the tab) with unsaved changes asks first. */
function useUnsavedChangesGuard(dirty: boolean) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm('Ci sono modifiche non salvate: uscire comunque dalla pagina?')) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
