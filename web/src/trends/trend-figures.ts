import { FIGURES, RATE_FIGURES } from '../dashboards/figures';

/** The counts beside the rates in the trend's table (for researchers, the perturbed figures the rates come from). */
export const TREND_COUNTS = FIGURES.filter((figure) => figure.kind === 'count');

/** Every figure the trends page shows at each month end: the rates (with their targets), then the counts. */
export const TREND_FIGURES = [...RATE_FIGURES, ...TREND_COUNTS];

/** Seconds since the epoch of a business date, uPlot's time scale. */
export const seconds = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 1_000;
