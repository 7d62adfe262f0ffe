import type { DashboardSeries } from '../api/types';
import { toCsv } from '../common/csv-text';
import { FIGURE_CSV_HEADER, figureRows } from '../dashboards/dashboard-csv';
import { TREND_FIGURES } from './trend-figures';

/**
 * What the trends page shows, as CSV: each month end's rates with their targets and its counts,
 * one row per figure (the dashboards' CSV columns: codes, a hidden figure an empty cell, and what
 * protects each researcher's value).
 */
export const trendsCsv = (series: DashboardSeries): string => toCsv([FIGURE_CSV_HEADER, ...series.points.flatMap((point) => figureRows(point, TREND_FIGURES))]);
