/** The auditor's whole-tree query: every level of the plan with statuses and results. */
export const WHOLE_TREE_QUERY = /* GraphQL */ `
  query WholeTree($edition: String) {
    planEditions(code: $edition) {
      code
      title
      ente { name istatCode }
      mandate { title mayor approvedBy { number date } }
      acts { role act { body kind number date subject } }
      amendments { effectiveDate act { number date } }
      periods { cutoffDate kind state notedBy { number } approvedBy { number } }
      summary { mandateLines strategicDirections strategicObjectives operationalObjectives goals indicators }
      mandateLines {
        number
        title
        alternateTitles
        description
        directions { position text }
        strategicObjectives {
          code
          title
          alternateTitles
          description
          partecipate
          missions { code name }
          introducedBy { effectiveDate }
          operationalObjectives {
            code
            title
            alternateTitles
            ownerLabel
            owners { role personName }
            programmes { id name mission { code name } }
            goals {
              position
              title
              description
              departments { position printedName lead years allDepartments allDepartmentsLabel note department { code name } }
              statuses { period narrative asOfLabel declaredState deferredTo deferralText version }
            }
            indicators {
              position
              name
              kind
              polarity
              groupLabel
              goalPosition
              targets { year comparator value text }
              results { period text value status deferredTo version }
            }
          }
        }
      }
    }
  }
`;
