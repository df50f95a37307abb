import { reportingLeadRows } from './reporting-lead';

type Row = { lead: boolean; department: string | null };
const named = (r: Row) => r.department !== null;

describe('reporting lead of a goal', () => {
  it('is the marked capofila when there is one', () => {
    const rows: Row[] = [
      { lead: false, department: 'A' },
      { lead: true, department: 'B' },
    ];
    expect(reportingLeadRows(rows, named)).toEqual([rows[1]]);
  });

  it('is the only department listed when the document marks none', () => {
    const rows: Row[] = [{ lead: false, department: 'A' }];
    expect(reportingLeadRows(rows, named)).toEqual(rows);
  });

  it('is nobody when several departments share the goal and none leads, or the only entry is "all departments"', () => {
    expect(
      reportingLeadRows(
        [
          { lead: false, department: 'A' },
          { lead: false, department: 'B' },
        ],
        named,
      ),
    ).toEqual([]);
    expect(reportingLeadRows([{ lead: false, department: null }], named)).toEqual([]);
  });
});
