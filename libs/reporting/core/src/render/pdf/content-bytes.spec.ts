import { ContentBytes } from './content-bytes';

describe('ContentBytes', () => {
  it('writes numbers exactly as String(Math.round(n * 1000) / 1000)', () => {
    const values = [0, -0, 0.0004, -0.0004, 0.0005, 0.001, 0.01, 0.1, 0.5, 1, 10, 100, 1000, 1500, -1.5, 841.89, 595.28, 12.3456, -123.4567, 0.30000000000000004, 99999.9995, 1e9 + 0.123];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) values.push((random() - 0.5) * 10 ** Math.floor(random() * 8));
    const bytes = new ContentBytes();
    for (const v of values) {
      bytes.number(v);
      bytes.byte(32);
    }
    const expected = values.map((v) => `${String(Math.round(v * 1000) / 1000)} `).join('');
    expect(bytes.take().toString('latin1')).toBe(expected);
  });

  it('appends Latin-1 text and single bytes in order, growing as needed', () => {
    const bytes = new ContentBytes();
    const long = 'q 1 0 0 -1 0 841.89 cm BT '.repeat(5000);
    bytes.text('BT');
    for (const b of [32, 60, 48, 62]) bytes.byte(b);
    bytes.text(long);
    bytes.text('àé\n');
    bytes.text('A'.repeat(100));
    const out = bytes.take();
    expect(out.toString('latin1')).toBe(`BT <0>${long}àé\n${'A'.repeat(100)}`);
    expect(bytes.length).toBe(0);
    bytes.release();
  });
});
