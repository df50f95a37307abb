import { graphql } from '../../gql';

/** The objectives of one department to verify for a period, with each goal's signals (one request). */
export const ReviewQueueQuery = graphql(`
  query ReviewQueue($edition: String!, $period: LocalDate!, $department: String!) {
    reviewQueue(edition: $edition, period: $period, department: $department) {
      objectiveId
      objectiveCode
      objectiveTitle
      goals
      goalsWithoutStatus
      indicators
      indicatorsWithoutResult
      deferredGoals
      deferredIndicators
      goalSignals {
        goalId
        goalPosition
        goalTitle
        hasStatus
        deferred
        deferredIndicators
        contradictions {
          kind
          message
        }
      }
    }
  }
`);

export const ReviewDepartmentMutation = graphql(`
  mutation ReviewDepartment($edition: String!, $period: LocalDate!, $departmentCode: String!, $decision: ReviewDecision!, $comment: String) {
    reviewDepartment(edition: $edition, period: $period, departmentCode: $departmentCode, decision: $decision, comment: $comment) {
      ...ReviewFields
    }
  }
`);
