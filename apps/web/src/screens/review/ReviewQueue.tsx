import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Feedback';
import { ContradictionKindLabels } from '../../gql/enum-labels';
import type { ReviewQueueQuery as ReviewQueueResult } from '../../gql/graphql';
import { formatInteger } from '../../lib/format';
import { ReviewQueueQuery } from './review-queries';

type Objective = ReviewQueueResult['reviewQueue'][number];
type GoalSignals = Objective['goalSignals'][number];

const sum = (objectives: readonly Objective[], pick: (o: Objective) => number) => objectives.reduce((n, o) => n + pick(o), 0);
const contradictionsOf = (o: Objective) => o.goalSignals.reduce((n, g) => n + g.contradictions.length, 0);

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
          <p>
            {formatInteger(objectives.length)} obiettivi operativi da verificare: {formatInteger(sum(objectives, (o) => o.goalsWithoutStatus))} finalità senza
            stato, {formatInteger(sum(objectives, (o) => o.indicatorsWithoutResult))} indicatori senza risultato,{' '}
            {formatInteger(sum(objectives, (o) => o.deferredGoals + o.deferredIndicators))} rinvii, {formatInteger(sum(objectives, contradictionsOf))}{' '}
            contraddizioni.
          </p>
        )
      ) : null}
      {objectives.map((objective) => (
        <ObjectiveSignals key={objective.objectiveId} objective={objective} />
      ))}
    </section>
  );
}

function ObjectiveSignals({ objective }: { objective: Objective }) {
  const headingId = `obiettivo-${objective.objectiveId}`;
  const contradictions = contradictionsOf(objective);
  const facts = [
    objective.goalsWithoutStatus > 0 ? `${formatInteger(objective.goalsWithoutStatus)} finalità senza stato su ${formatInteger(objective.goals)}` : null,
    objective.indicatorsWithoutResult > 0
      ? `${formatInteger(objective.indicatorsWithoutResult)} indicatori senza risultato su ${formatInteger(objective.indicators)}`
      : null,
    objective.deferredGoals > 0 ? `${formatInteger(objective.deferredGoals)} finalità rinviate` : null,
    objective.deferredIndicators > 0 ? `${formatInteger(objective.deferredIndicators)} indicatori rinviati` : null,
    contradictions > 0 ? `${formatInteger(contradictions)} contraddizioni` : null,
  ].filter(Boolean);
  return (
    <article aria-labelledby={headingId} className="review-objective mb-4">
      <h3 id={headingId} className="h5 mb-1">
        <span className="plan-code">{objective.objectiveCode}</span> {objective.objectiveTitle}
      </h3>
      <p className="small mb-2">{facts.join(' · ')}</p>
      <div className="table-responsive">
        <table className="table table-sm align-middle mb-0">
          <caption className="visually-hidden">Segnalazioni delle finalità dell’obiettivo {objective.objectiveCode}</caption>
          <thead>
            <tr>
              <th scope="col">N.</th>
              <th scope="col">Finalità</th>
              <th scope="col">Segnalazioni</th>
            </tr>
          </thead>
          <tbody>
            {objective.goalSignals.map((goal) => (
              <tr key={goal.goalId}>
                <td>{goal.goalPosition}</td>
                <td>
                  <Link to={`/piano/finalita/${goal.goalId}`}>{goal.goalTitle}</Link>
                </td>
                <td>
                  <GoalSignalList goal={goal} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function GoalSignalList({ goal }: { goal: GoalSignals }) {
  const items = [
    !goal.hasStatus ? <span className="badge bg-danger">Senza stato</span> : null,
    goal.deferred ? <span className="badge bg-warning text-dark">Rendicontazione rinviata</span> : null,
    goal.deferredIndicators > 0 ? (
      <span className="badge bg-warning text-dark">
        {formatInteger(goal.deferredIndicators)} {goal.deferredIndicators === 1 ? 'indicatore rinviato' : 'indicatori rinviati'}
      </span>
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
