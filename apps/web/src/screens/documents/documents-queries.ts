import { graphql } from '../../gql';

/** What the viewer may download for a period: full plan, each mandate line, each department. */
export const ReportScopesQuery = graphql(`
  query ReportScopes($edition: String!, $period: LocalDate!) {
    reportScopes(edition: $edition, period: $period) {
      ambito
      kind
      label
      lineNumber
      departmentCode
      departmentName
    }
  }
`);

/** The links of one scope: answered at once, nothing is rendered. */
export const ReportDownloadsQuery = graphql(`
  query ReportDownloads($edition: String!, $period: LocalDate!, $ambito: String) {
    reportDownloads(edition: $edition, period: $period, ambito: $ambito) {
      format
      url
      fileName
      contentType
      description
      draft
      periodState
      ambito
      scopeLabel
      revision
      frozen
      approvedBy
    }
  }
`);

/**
 * Size, pages and dates of the same files: the first time, the service renders them (seconds for
 * the full PDF), so this is asked separately and never holds back the links.
 */
export const ReportFilesQuery = graphql(`
  query ReportFiles($edition: String!, $period: LocalDate!, $ambito: String) {
    reportDownloads(edition: $edition, period: $period, ambito: $ambito) {
      format
      url
      file {
        sha256
        sizeBytes
        pageCount
        generatedAt
        dataUpdatedAt
      }
    }
  }
`);
