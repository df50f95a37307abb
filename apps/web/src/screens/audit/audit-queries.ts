import { graphql } from '../../gql';

/** What the filters offer: departments and the operations the trail records. */
export const AuditChoicesQuery = graphql(`
  query AuditChoices {
    departments {
      code
      name
    }
    auditOperations {
      code
      label
    }
  }
`);

/** One page of the trail, newest first, each entry told in terms of the plan. */
export const AuditTrailQuery = graphql(`
  query AuditTrail($filter: AuditTrailFilter, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          occurredAt
          actor
          actorRole
          via
          operation
          operationLabel
          entityType
          before
          after
          subject {
            label
            objectiveCode
            goalId
            goalPosition
            goalTitle
            indicatorName
            departmentCode
            departmentName
            periodCutoff
          }
        }
      }
    }
  }
`);
