import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_OPERATION_LABELS, auditOperationLabel, auditOperations } from './audit-operations';

const ROOT = join(__dirname, '../../..');

/** Operation codes the sources pass to recordAudit: `operation: 'X'`, and REVIEW_<decision> for each review decision. */
function recordedOperations(): Set<string> {
  const found = new Set<string>();
  for (const dir of ['libs', 'apps', 'seed']) {
    for (const file of readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.includes('node_modules') || /\.(e2e-)?spec\.ts$/.test(file)) continue;
      const source = readFileSync(join(ROOT, dir, file), 'utf8');
      if (!source.includes('recordAudit(')) continue;
      for (const match of source.matchAll(/operation: '([A-Z_]+)'/g)) found.add(match[1]);
      for (const match of source.matchAll(/operation: `([A-Z_]+)\$\{decision\}`/g)) {
        for (const decision of ['ACCEPT', 'RETURN']) found.add(`${match[1]}${decision}`);
      }
    }
  }
  return found;
}

describe('audit operation labels', () => {
  it('has an Italian label for every operation the sources record', () => {
    const recorded = recordedOperations();
    expect(recorded.size).toBeGreaterThan(10);
    expect([...recorded].filter((code) => !(code in AUDIT_OPERATION_LABELS))).toEqual([]);
  });

  it('falls back to the code for operations recorded by other versions', () => {
    expect(auditOperationLabel('SET_GOAL_STATUS')).toBe('Stato di attuazione della finalità');
    expect(auditOperationLabel('IMPORT_2019')).toBe('Operazione IMPORT_2019');
  });

  it('offers the operations sorted by their Italian label', () => {
    const labels = auditOperations().map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'it')));
    expect(labels).toHaveLength(Object.keys(AUDIT_OPERATION_LABELS).length);
  });
});
