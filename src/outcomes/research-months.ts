/** Researchers' series by default: the last two years of month ends (outcome-series.reader.ts), whose releases are prepared in advance (life-paths.reader.ts). */
export const RESEARCH_MONTHS = 24;
