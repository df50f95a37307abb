import { graphql } from '../../gql';

/** The loads of a period's spending table, newest first. */
export const SpendingVersionsQuery = graphql(`
  query SpendingVersions($edition: String!, $period: LocalDate!) {
    spendingVersions(edition: $edition, period: $period) {
      version
      current
      sha256
      fileName
      loadedBy
      loadedAt
      rowCount
    }
  }
`);
