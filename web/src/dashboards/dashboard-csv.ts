import type { Dashboard, SurvivalCurve } from '../api/types';
import { toCsv } from '../common/csv-text';
import { type Figure, FIGURES, valueOf } from './figures';

/** A CSV row: codes and numbers, an empty cell for null. */
export type CsvRow = (string | number | null)[];

/** The header of a CSV of dashboard figures; `protected` says how its value was protected, if at all. */
export const FIGURE_CSV_HEADER = ['section', 'city', 'programme', 'asOf', 'item', 'value', 'target', 'protected'];

/**
 * How a value of researchers' figures is protected (docs/access-and-privacy.md): a count is
 * perturbed, or hidden when the API withholds it (never 0); a rate or a median is not perturbed
 * itself but computed from perturbed counts, which a reader of the file must know. Targets are
 * never perturbed, and exact figures (every other role) are not protected: ''.
 */
export function protectionOf(kind: Figure['kind'], value: number | null, perturbed: boolean): string {
  if (!perturbed) return '';
  if (kind !== 'count') return 'computed from perturbed counts';
  return value === null ? 'hidden' : 'perturbed';
}

/** One row per figure of a dashboard, each with its target and its protection. */
export function figureRows(d: Dashboard, figures: readonly Figure[] = FIGURES): CsvRow[] {
  const scope = [d.city, d.programme ?? '', d.asOf ?? ''];
  return figures.map((figure) => {
    const value = valueOf(d, figure);
    return ['figure', ...scope, figure.field, value, figure.target ? (d[figure.target] as number | null) : null, protectionOf(figure.kind, value, d.suppressed)];
  });
}

/**
 * What the dashboards page shows, as CSV: every figure of each dashboard with its target, the
 * breakdowns, and the curve (of the date `curveAsOf`, null: live) with its counts and points. Codes,
 * not translated names, so that a program can read it; a hidden figure is an empty cell, never 0.
 */
export function dashboardsCsv(dashboards: Dashboard[], curve: SurvivalCurve | undefined, curveAsOf: string | null = null): string {
  const rows: CsvRow[] = [FIGURE_CSV_HEADER];
  for (const d of dashboards) {
    const scope = [d.city, d.programme ?? '', d.asOf ?? ''];
    const count = (value: number | null) => protectionOf('count', value, d.suppressed);
    rows.push(...figureRows(d));
    for (const { reason, count: n } of d.exitsByReason) rows.push(['exitsByReason', ...scope, reason, n, null, count(n)]);
    for (const { contractType, count: n } of d.jobsByContract) rows.push(['jobsByContract', ...scope, contractType, n, null, count(n)]);
  }
  if (curve) {
    // The curve, like its median, is computed from perturbed counts (at risk, events).
    const scope = [curve.city, curve.programme ?? '', curveAsOf ?? ''];
    const computed = protectionOf('rate', null, curve.suppressed);
    const count = (value: number) => protectionOf('count', value, curve.suppressed);
    for (const item of ['participants', 'events', 'censored'] as const) rows.push(['timeToOutcome', ...scope, item, curve[item], null, count(curve[item])]);
    rows.push(['timeToOutcome', ...scope, 'medianDays', curve.medianDays, null, computed]);
    for (const p of curve.points) {
      const section = `timeToOutcome:day ${p.day}`;
      rows.push([section, ...scope, 'stillSearching', p.stillSearching, null, computed]);
      rows.push([section, ...scope, 'atRisk', p.atRisk, null, count(p.atRisk)]);
      rows.push([section, ...scope, 'events', p.events, null, count(p.events)]);
    }
  }
  return toCsv(rows);
}
