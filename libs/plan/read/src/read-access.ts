import { ReportingPeriod, type Viewer } from '@dup/domain';
import { requireViewer, visiblePeriodStates } from '@dup/auth';
import type { PlanReadContext } from './context';

/**
 * The viewer and the cut-offs it may not read. Every read is confined to the viewer's ente.
 * A cut-off is hidden when any edition's period with that date is still a draft for this
 * viewer: hiding too much is safe, showing a draft is not.
 */
export async function readScope(ctx: PlanReadContext): Promise<{ viewer: Viewer; hidden: ReadonlySet<string> }> {
  const viewer = requireViewer(ctx);
  if (!ctx.hiddenCutoffs) {
    const states = visiblePeriodStates(viewer);
    ctx.hiddenCutoffs = states
      ? new Set(
          (await ctx.em.find(ReportingPeriod, { ente: viewer.enteId, state: { $nin: [...states] as never } }, { fields: ['cutoffDate'] })).map(
            (p) => p.cutoffDate,
          ),
        )
      : new Set();
  }
  return { viewer, hidden: ctx.hiddenCutoffs };
}

/** Items of periods the viewer may read; nothing when the scope was never established. */
export function visibleToViewer<V extends { period: string }>(ctx: PlanReadContext | undefined, list: V[]): V[] {
  const hidden = ctx?.hiddenCutoffs;
  if (!hidden) return ctx?.viewer && visiblePeriodStates(ctx.viewer) === null ? list : [];
  return hidden.size ? list.filter((v) => !hidden.has(v.period)) : list;
}
