import { graphql } from '../../gql';

/** Everything the goal form shows, in one request. */
export const GoalFormQuery = graphql(`
  query GoalForm($id: ID!, $period: LocalDate!) {
    goal(id: $id) {
      id
      position
      title
      description
      operationalObjective {
        code
        title
        ownerLabel
        strategicObjective {
          code
          title
        }
        indicators {
          ...FormIndicator
        }
      }
      departments {
        lead
        reportingLead
        printedName
        years
        department {
          code
          name
        }
      }
      statuses(period: $period) {
        narrative
        declaredState
        percentComplete
        deferredTo
        deferralText
        asOfLabel
        version
        author
        updatedAt
      }
      previousStatus(period: $period) {
        period
        narrative
        declaredState
        percentComplete
        asOfLabel
      }
      indicators {
        ...FormIndicator
      }
    }
    goalContributions(goalId: $id, period: $period) {
      departmentCode
      departmentName
      text
      version
      author
      updatedAt
    }
  }

  fragment FormIndicator on Indicator {
    id
    position
    name
    unit
    kind
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
      text
      value
      unit
      status
      deferredTo
      version
      author
      updatedAt
    }
  }
`);

export const SaveGoalReportMutation = graphql(`
  mutation SaveGoalReport($input: SaveGoalReportInput!) {
    saveGoalReport(input: $input) {
      status {
        version
        updatedAt
      }
      results {
        version
      }
    }
  }
`);

export const AddContributionMutation = graphql(`
  mutation AddContribution($goalId: ID!, $period: LocalDate!, $department: String!, $text: String!, $version: Int) {
    addGoalContribution(goalId: $goalId, period: $period, departmentCode: $department, text: $text, expectedVersion: $version) {
      version
      updatedAt
    }
  }
`);
