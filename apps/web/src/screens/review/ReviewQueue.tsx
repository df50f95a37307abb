import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { ContradictionKindLabels } from '../../gql/enum-labels';
import type { ReviewQueueQuery as ReviewQueueResult } from '../../gql/graphql';
import { formatCount, formatInteger } from '../../lib/format';
import { ReviewQueueQuery } from './review-queries';

type Objective = ReviewQueueResult['reviewQueue'][number];
type GoalSignals = Objective['goalSignals'][number];

const sum = (objectives: readonly Objective[], pick: (o: Objective) => number) => objectives.reduce((n, o) => n + pick(o), 0);
const contradictionsOf = (o: Objective) => o.goalSignals.reduce((n, g) => n + g.contradictions.length, 0);

function queueSummary(objectives: readonly Objective[]): string {
  const counts = [
    formatCount(
      sum(objectives, (o) => o.goalsWithoutStatus),
      'finalità senza stato',
      'finalità senza stato',
    ),
    formatCount(
      sum(objectives, (o) => o.indicatorsWithoutResult),
      'indicatore senza risultato',
      'indicatori senza risultato',
    ),
    formatCount(
      sum(objectives, (o) => o.deferredGoals + o.deferredIndicators),
      'rinvio',
      'rinvii',
    ),
    formatCount(sum(objectives, contradictionsOf), 'contraddizione', 'contraddizioni'),
  ];
  return `${formatCount(objectives.length, 'obiettivo operativo', 'obiettivi operativi')} da verificare: ${counts.join(', ')}. Gli obiettivi con contraddizioni o rinvii sono aperti.`;
}

/** The objectives of the department that need a look, each goal with what is wrong with it. */
export function ReviewQueue({ edition, period, department }: { edition: string; period: string; department: { code: string; name: string } }) {
  const [queue] = useQuery({ query: ReviewQueueQuery, variables: { edition, period, department: department.code } });
  const objectives = queue.data?.reviewQueue ?? [];
  return (
    <section aria-labelledby="segnalazioni">
      <h2 id="segnalazioni" className="h4">
        Segnalazioni
      </h2>
      <ErrorAlert error={queue.error} />
      {queue.fetching && !queue.data ? <Loading label="Caricamento delle segnalazioni…" /> : null}
      {queue.data ? (
        objectives.length === 0 ? (
          <p>Nessuna segnalazione: gli obiettivi in cui il settore è coinvolto sono completi e senza contraddizioni.</p>
        ) : (
          <p>{queueSummary(objectives)}</p>
        )
      ) : null}
      {objectives.map((objective) => (
        <ObjectiveSignals key={objective.objectiveId} objective={objective} />
      ))}
    </section>
  );
}

function ObjectiveSignals({ objective }: { objective: Objective }) {
  const contradictions = contradictionsOf(objective);
  const facts = [
    objective.goalsWithoutStatus > 0 ? `${formatInteger(objective.goalsWithoutStatus)} su ${formatInteger(objective.goals)} finalità senza stato` : null,
    objective.indicatorsWithoutResult > 0
      ? `${formatInteger(objective.indicatorsWithoutResult)} su ${formatInteger(objective.indicators)} indicatori senza risultato`
      : null,
    objective.deferredGoals + objective.deferredIndicators > 0 ? formatCount(objective.deferredGoals + objective.deferredIndicators, 'rinvio', 'rinvii') : null,
    contradictions > 0 ? formatCount(contradictions, 'contraddizione', 'contraddizioni') : null,
  ].filter(Boolean);
  // What only a person can judge (contradictions, deferrals) is open; missing data is in the counts.
  const open = contradictions > 0 || objective.deferredGoals + objective.deferredIndicators > 0;
  return (
    <details className="review-objective mb-3" open={open}>
      <summary>
        <h3 className="h5 d-inline">
          <span className="plan-code">{objective.objectiveCode}</span> {objective.objectiveTitle}
        </h3>
        <span className="d-block small ms-4">{facts.join(' · ')}</span>
      </summary>
      <ul className="review-goals list-unstyled mt-2 mb-0" aria-label={`Finalità dell’obiettivo ${objective.objectiveCode}`}>
        {objective.goalSignals.map((goal) => (
          <li key={goal.goalId} className="review-goal">
            <span className="review-goal-position">{goal.goalPosition}.</span>
            <Link className="review-goal-title" to={`/piano/finalita/${goal.goalId}`}>
              {goal.goalTitle}
            </Link>
            <div className="review-goal-signals">
              <GoalSignalList goal={goal} />
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}

function GoalSignalList({ goal }: { goal: GoalSignals }) {
  const items = [
    !goal.hasStatus ? <span className="badge bg-danger">Senza stato</span> : null,
    goal.deferred ? <span className="badge bg-warning text-dark">Rendicontazione rinviata</span> : null,
    goal.deferredIndicators > 0 ? (
      <span className="badge bg-warning text-dark">{formatCount(goal.deferredIndicators, 'indicatore rinviato', 'indicatori rinviati')}</span>
    ) : null,
    ...goal.contradictions.map((c) => (
      <>
        <strong>{ContradictionKindLabels[c.kind]}</strong>: {c.message}
      </>
    )),
  ].filter(Boolean);
  if (items.length === 0) return <span className="text-muted">Nessuna</span>;
  return (
    <ul className="list-unstyled mb-0 goal-signals">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
