import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

interface UPlotChartProps {
  /** Everything but the size, which follows the chart's container. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  /** What the chart shows, for screen readers (its data is in a table beside it). */
  label: string;
  height?: number;
}

/** A uPlot chart drawn in a canvas, redrawn when its options, data or container width change. */
export function UPlotChart({ options, data, label, height = 280 }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current!;
    const chart = new uPlot({ ...options, width: element.clientWidth || 600, height }, data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [options, data, height]);
  return <div class="chart" role="img" aria-label={label} ref={container} />;
}
