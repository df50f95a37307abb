import { GrowingBytes } from './growing-bytes';

describe('GrowingBytes', () => {
  it('appends in place across growth steps and hands the same memory over', () => {
    const file = new GrowingBytes();
    expect(file.appendText('%PDF-1.7\n')).toBe(0);
    const chunk = new Uint8Array(700_000).map((_, i) => i % 251);
    const starts = [0, 1, 2].map(() => file.append(chunk.length, (into, offset) => into.set(chunk, offset)));
    expect(starts).toEqual([9, 700_009, 1_400_009]);
    expect(file.appendText('%%EOF')).toBe(2_100_009);

    const bytes = file.toBuffer();
    expect(bytes.length).toBe(2_100_014);
    // Trimmed to what was written: the buffer can be transferred whole, without a copy.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    expect(bytes.subarray(2_100_009).toString('latin1')).toBe('%%EOF');
    for (const start of starts) expect(Buffer.compare(bytes.subarray(start, start + chunk.length), chunk)).toBe(0);
  });

  it('writes Latin-1 text byte for byte', () => {
    const file = new GrowingBytes();
    file.appendText('1 0 obj\n\xe8\n');
    expect([...file.toBuffer()]).toEqual([0x31, 0x20, 0x30, 0x20, 0x6f, 0x62, 0x6a, 0x0a, 0xe8, 0x0a]);
  });

  it('refuses to grow past its limit, with nothing written', () => {
    const file = new GrowingBytes(2 << 20);
    file.append(2 << 20, (into, offset) => into.fill(1, offset));
    expect(() => file.appendText('x')).toThrow(/Il documento supera 2097152 byte/);
    expect(file.length).toBe(2 << 20);
  });
});
