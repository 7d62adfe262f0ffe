import type { Dashboard } from '../api/types';
import type { MessageKey } from '../i18n/messages/en';

/** How a figure reads: a count of people, a rate, or a number of days. */
export type FigureKind = 'count' | 'rate' | 'days';

/** A figure of DESIGN 4, the dashboard's field holding it, and its target's field when it has one. */
export interface Figure {
  field: keyof Dashboard;
  label: MessageKey;
  kind: FigureKind;
  target?: keyof Dashboard;
}

/** Every figure of a dashboard, in the order shown. */
export const FIGURES: Figure[] = [
  { field: 'enrolled', label: 'figure.enrolled', kind: 'count' },
  { field: 'active', label: 'figure.active', kind: 'count' },
  { field: 'exited', label: 'figure.exited', kind: 'count' },
  { field: 'positiveExitRate', label: 'figure.positiveExitRate', kind: 'rate', target: 'positiveExitTarget' },
  { field: 'jobReturnRate', label: 'figure.jobReturnRate', kind: 'rate', target: 'jobReturnTarget' },
  { field: 'businessCreationRate', label: 'figure.businessCreationRate', kind: 'rate', target: 'businessCreationTarget' },
  { field: 'medianDaysToOutcome', label: 'figure.medianDaysToOutcome', kind: 'days' },
  { field: 'sustainedOutcomes6m', label: 'figure.sustainedOutcomes6m', kind: 'count' },
];

/** The rates, which have targets (the trend chart). */
export const RATE_FIGURES = FIGURES.filter((figure) => figure.kind === 'rate');

/** The figure's value on a dashboard (null: hidden from this viewer, or not defined yet). */
export const valueOf = (dashboard: Dashboard, figure: Figure): number | null => dashboard[figure.field] as number | null;
