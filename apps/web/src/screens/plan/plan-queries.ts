import { graphql } from '../../gql';

/** Editions with their periods: every screen starts from here to choose what to show. */
export const EditionsQuery = graphql(`
  query Editions {
    planEditions {
      id
      code
      title
      startYear
      endYear
      ente {
        name
      }
      periods {
        id
        cutoffDate
        kind
        state
        nextStates
        revision
        reopenable
        notedBy {
          kind
          number
          date
        }
        approvedBy {
          kind
          number
          date
        }
      }
    }
  }
`);

/** The whole plan of an edition in one request (no request per goal), statuses at one period. */
export const PlanTreeQuery = graphql(`
  query PlanTree($edition: String!, $period: LocalDate) {
    planEditions(code: $edition) {
      code
      summary(period: $period) {
        mandateLines
        strategicObjectives
        operationalObjectives
        goals
        indicators
      }
      mandateLines {
        number
        title
        strategicObjectives {
          id
          code
          title
          missions {
            code
            name
          }
          introducedBy {
            effectiveDate
            act {
              number
              date
            }
          }
          operationalObjectives {
            id
            code
            title
            ownerLabel
            introducedBy {
              effectiveDate
              act {
                number
                date
              }
            }
            goals {
              id
              position
              title
              departments {
                lead
                reportingLead
                printedName
                department {
                  code
                  name
                }
              }
              statuses(period: $period) {
                declaredState
                percentComplete
                deferredTo
              }
            }
            indicators {
              id
            }
          }
        }
      }
    }
  }
`);
