import { buildSchema, Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { operationDepth } from './operation-depth';

const schema = buildSchema(/* GraphQL */ `
  type Query {
    plan(code: String): Plan
    objective(code: String!): Objective
  }
  type Plan {
    code: String
    lines: [Line]
  }
  type Line {
    title: String
    objectives: [Objective]
  }
  type Objective {
    code: String
    line: Line
    children: [Objective]
  }
`);

function operations(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** Depth of the only operation of a document that graphql-js considers valid. */
function depthOfValid(source: string): number {
  const document = parse(source);
  expect(validate(schema, document)).toEqual([]);
  const [operation] = operations(document);
  return operationDepth(document, operation);
}

describe('operationDepth', () => {
  it('counts nested fields', () => {
    expect(depthOfValid('{ __typename }')).toBe(1);
    expect(depthOfValid('{ plan { code } }')).toBe(2);
    expect(depthOfValid('{ plan { code lines { title objectives { code line { title } } } } }')).toBe(5);
  });

  it('takes the deepest branch, not the sum of the branches', () => {
    expect(depthOfValid('{ plan { code lines { title } } objective(code: "1.1") { code } }')).toBe(3);
  });

  it('expands named fragments, also nested ones, wherever they are spread', () => {
    const source = /* GraphQL */ `
      query Tree {
        plan {
          ...PlanFields
        }
      }
      fragment PlanFields on Plan {
        code
        lines {
          ...LineFields
        }
      }
      fragment LineFields on Line {
        objectives {
          code
          line {
            title
          }
        }
      }
    `;
    // plan > lines > objectives > line > title
    expect(depthOfValid(source)).toBe(5);
  });

  it('does not let a fragment hide depth: same result as the query written out', () => {
    const inline = depthOfValid('{ plan { lines { objectives { children { children { code } } } } } }');
    const withFragment = depthOfValid(
      'query { plan { lines { objectives { ...O } } } } fragment O on Objective { children { children { code } } }',
    );
    expect(withFragment).toBe(inline);
    expect(withFragment).toBe(6);
  });

  it('inline fragments add no level of their own', () => {
    expect(depthOfValid('{ plan { ... on Plan { lines { title } } } }')).toBe(3);
  });

  it('counts introspection fields like any other', () => {
    expect(depthOfValid('{ __schema { types { fields { type { ofType { name } } } } } }')).toBe(6);
  });

  it('measures the operation it is given, not the deepest one of the document', () => {
    const document = parse('query Shallow { plan { code } } query Deep { plan { lines { objectives { code } } } }');
    expect(validate(schema, document)).toEqual([]);
    const [shallow, deep] = operations(document);
    expect(operationDepth(document, shallow)).toBe(2);
    expect(operationDepth(document, deep)).toBe(4);
  });

  it('terminates on a cycle of fragments, which graphql-js rejects, counting each fragment once', () => {
    const document = parse(/* GraphQL */ `
      query {
        objective(code: "1.1") {
          ...A
        }
      }
      fragment A on Objective {
        code
        children {
          ...B
        }
      }
      fragment B on Objective {
        children {
          ...A
        }
      }
    `);
    const errors = validate(schema, document).map((e) => e.message);
    expect(errors).toContainEqual(expect.stringContaining('Cannot spread fragment "A" within itself via "B"'));
    // objective > children (A) > children (B); the spread of A inside B is not expanded again.
    expect(operationDepth(document, operations(document)[0])).toBe(3);
  });

  it('terminates on a fragment that spreads itself', () => {
    const document = parse('query { objective(code: "1") { ...Self } } fragment Self on Objective { code children { ...Self } }');
    expect(validate(schema, document).map((e) => e.message)).toContainEqual(expect.stringContaining('Cannot spread fragment "Self" within itself'));
    expect(operationDepth(document, operations(document)[0])).toBe(2);
  });

  it('a spread of an unknown fragment contributes nothing', () => {
    const document = parse('query { plan { code ...Missing } }');
    expect(validate(schema, document).map((e) => e.message)).toContainEqual('Unknown fragment "Missing".');
    expect(operationDepth(document, operations(document)[0])).toBe(2);
  });
});
