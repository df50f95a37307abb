/**
 * Short Italian labels of an enum's values, as `registerEnumType`'s `valuesMap`: the schema
 * carries them as value descriptions and the web application shows them. The record type makes
 * a label required for every value, so a new value cannot ship without one.
 */
export function labelled<K extends string>(labels: Record<K, string>): Record<K, { description: string }> {
  return Object.fromEntries(Object.entries<string>(labels).map(([value, description]) => [value, { description }])) as Record<K, { description: string }>;
}
