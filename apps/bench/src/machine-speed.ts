/**
 * A fixed CPU workload (JSON round trips and integer arithmetic, single-threaded), timed. The
 * development VMs drift in speed by a third or more between hours; benches print this next to
 * their figures so runs made at different times can be compared. Lower is faster; 2.3–2.5 s
 * was measured in a slow phase on 2026-11-28.
 */
export function machineSpeedProbeMs(): number {
  const sample = JSON.stringify(
    Array.from({ length: 2000 }, (_, i) => ({ code: `1.${i % 10}.${i % 7}`, title: `Finalità numero ${i} del piano`, amounts: [i * 1.5, i / 3, i % 97], flags: [i % 2 === 0, i % 3 === 0] })),
  );
  const started = performance.now();
  let length = 0;
  for (let i = 0; i < 150; i++) length += JSON.stringify(JSON.parse(sample)).length;
  let h = 0;
  for (let i = 0; i < 3e8; i++) h = (h * 31 + i) | 0;
  // Use the results so no step is optimised away.
  if (length === h) process.stderr.write('');
  return Math.round(performance.now() - started);
}
