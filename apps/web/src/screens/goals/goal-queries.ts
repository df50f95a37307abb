import { graphql } from '../../gql';

/** A department's goals for a period, as the head works through them. */
export const DepartmentGoalsQuery = graphql(`
  query DepartmentGoals($edition: String!, $period: LocalDate!, $filter: DepartmentGoalsFilter, $first: Int, $after: String) {
    departmentGoals(edition: $edition, period: $period, filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          relation
          indicatorsWithoutResult
          department {
            code
            name
          }
          goal {
            id
            position
            title
            operationalObjective {
              code
              title
            }
          }
          status {
            declaredState
            percentComplete
            updatedAt
            author
          }
          contribution {
            version
            updatedAt
          }
        }
      }
    }
  }
`);
