import { graphql } from '../../gql';

/**
 * One goal with everything its page shows, and the mandate lines of the editions (to name the
 * goal's edition and line): one request, answered from the service's cached plan.
 */
export const PlanGoalQuery = graphql(`
  query PlanGoal($id: ID!) {
    planEditions {
      code
      mandateLines {
        number
        title
        strategicObjectives {
          id
        }
      }
    }
    goal(id: $id) {
      id
      position
      title
      description
      departments {
        lead
        reportingLead
        printedName
        allDepartments
        allDepartmentsLabel
        years
        note
        department {
          id
          code
          name
        }
      }
      statuses {
        id
        period
        asOfLabel
        declaredState
        percentComplete
        deferredTo
        deferralText
        narrative
        author
        updatedAt
      }
      indicators {
        ...PlanIndicator
      }
      operationalObjective {
        id
        code
        title
        ownerLabel
        indicators {
          ...PlanIndicator
        }
        strategicObjective {
          id
          code
          title
          lineNumber
        }
      }
    }
  }

  fragment PlanIndicator on Indicator {
    id
    position
    name
    unit
    kind
    goalPosition
    groupLabel
    targets {
      year
      comparator
      value
      unit
      text
    }
    results {
      period
      status
      text
      value
      unit
      deferredTo
    }
  }
`);

/** Every version of the goal's status in a period (not for council members). */
export const GoalStatusHistoryQuery = graphql(`
  query GoalStatusHistory($goalId: ID!, $period: LocalDate!) {
    goalStatusHistory(goalId: $goalId, period: $period) {
      version
      author
      createdAt
      declaredState
      percentComplete
      deferredTo
      deferralText
      asOfLabel
      narrative
    }
  }
`);
