import type { Dashboard, SurvivalCurve } from '../api/types';
import { toCsv } from '../common/csv';
import { FIGURES, valueOf } from './figures';

/**
 * What the dashboards page shows, as CSV: every figure of each dashboard with its target, the
 * breakdowns, and the curve's points. Codes, not translated names, so that a program can read it;
 * a hidden figure is an empty cell, never 0.
 */
export function dashboardsCsv(dashboards: Dashboard[], curve: SurvivalCurve | undefined): string {
  const rows: (string | number | null)[][] = [['section', 'city', 'programme', 'asOf', 'item', 'value', 'target', 'protected']];
  for (const d of dashboards) {
    const scope = [d.city, d.programme ?? '', d.asOf ?? ''];
    const protectedFlag = d.suppressed ? 'perturbed' : '';
    for (const figure of FIGURES) {
      rows.push(['figure', ...scope, figure.field, valueOf(d, figure), figure.target ? (d[figure.target] as number | null) : null, protectedFlag]);
    }
    for (const { reason, count } of d.exitsByReason) rows.push(['exitsByReason', ...scope, reason, count, null, protectedFlag]);
    for (const { contractType, count } of d.jobsByContract) rows.push(['jobsByContract', ...scope, contractType, count, null, protectedFlag]);
  }
  if (curve) {
    const scope = [curve.city, curve.programme ?? '', ''];
    for (const p of curve.points) rows.push([`timeToOutcome:day ${p.day}`, ...scope, 'stillSearching', p.stillSearching, null, curve.suppressed ? 'perturbed' : '']);
    rows.push(['timeToOutcome', ...scope, 'medianDays', curve.medianDays, null, curve.suppressed ? 'perturbed' : '']);
  }
  return toCsv(rows);
}
