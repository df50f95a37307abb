import { graphql } from '../../gql';

/** A department's review of a period as the planning office and the department read it. */
export const ReviewFieldsFragment = graphql(`
  fragment ReviewFields on DepartmentReview {
    id
    state
    version
    comment
    submissionNote
    missingGoalsAtSubmission
    missingIndicatorsAtSubmission
    submittedBy
    submittedAt
    reviewedBy
    reviewedAt
  }
`);

/** A department's counts for a period: what it leads, contributes and records. */
export const ProgressFiguresFragment = graphql(`
  fragment ProgressFigures on DepartmentProgress {
    department {
      id
      code
      name
    }
    goalsLed
    goalsLedWithStatus
    goalsInvolved
    contributions
    indicators
    indicatorsWithResult
  }
`);

/**
 * Every department's figures for a period in one request (the planning office's home and the
 * review screen share it, so moving between them reads the cache).
 */
export const DepartmentProgressQuery = graphql(`
  query DepartmentProgress($edition: String!, $period: LocalDate!) {
    departmentProgress(edition: $edition, period: $period) {
      ...ProgressFigures
      review {
        ...ReviewFields
      }
    }
  }
`);

/** A department head's own departments, with what is still missing (named, to open it). */
export const MyDepartmentsProgressQuery = graphql(`
  query MyDepartmentsProgress($edition: String!, $period: LocalDate!) {
    departmentProgress(edition: $edition, period: $period) {
      ...ProgressFigures
      missingGoals {
        id
        title
        operationalObjective {
          id
          code
        }
      }
      missingIndicators {
        id
        name
        objectiveCode
      }
      review {
        ...ReviewFields
      }
    }
  }
`);

export const OpenReportingPeriodMutation = graphql(`
  mutation OpenReportingPeriod($edition: String!, $cutoffDate: LocalDate!) {
    openReportingPeriod(edition: $edition, cutoffDate: $cutoffDate) {
      id
      cutoffDate
      state
    }
  }
`);

export const SetReportingPeriodStateMutation = graphql(`
  mutation SetReportingPeriodState(
    $edition: String!
    $cutoffDate: LocalDate!
    $state: PeriodState!
    $actNumber: String
    $actDate: LocalDate
    $actKind: ActKind
  ) {
    setReportingPeriodState(edition: $edition, cutoffDate: $cutoffDate, state: $state, actNumber: $actNumber, actDate: $actDate, actKind: $actKind) {
      id
      cutoffDate
      state
      notedBy {
        id
        kind
        number
        date
      }
      approvedBy {
        id
        kind
        number
        date
      }
    }
  }
`);

/** An administrator reopens a period as a new revision, with the reason (kept with the closed revision). */
export const ReopenReportingPeriodMutation = graphql(`
  mutation ReopenReportingPeriod($edition: String!, $cutoffDate: LocalDate!, $reason: String!) {
    reopenReportingPeriod(edition: $edition, cutoffDate: $cutoffDate, reason: $reason) {
      id
      cutoffDate
      state
      revision
      reopenable
      nextStates
      notedBy {
        id
      }
      approvedBy {
        id
      }
    }
  }
`);
