'use client';

import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';

import {
  type ChartSeries,
  type DatasetSpec,
  type EventMarker,
  type ThresholdLine,
  buildDatasets,
  lastTime,
  latestRows,
  leftAxisTop,
  timeBounds,
  timeTickFormatter,
} from './metric-chart-data';

export type { ChartSeries, EventMarker, ThresholdLine } from './metric-chart-data';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend);

export interface MetricChartProps {
  /** The figure's caption (visible). */
  caption: string;
  series: ChartSeries[];
  /** Horizontal lines on the left axis, e.g. an alarm's threshold. */
  thresholds?: ThresholdLine[];
  /** Vertical lines at instants, e.g. "alarm fired", "scaled to 3". */
  markers?: EventMarker[];
  /** Unit of the left axis; '%' fixes the axis at 0–100 (or the highest value above). */
  unit?: string;
  /** Title of the second (right) axis, shown when a series uses it. */
  rightAxisLabel?: string;
  height?: number;
  /** Shown instead of the canvas when no series has a point. */
  emptyText?: string;
}

interface Overlays {
  thresholds: ThresholdLine[];
  markers: EventMarker[];
}

/** Threshold lines and event markers drawn over the datasets, read from a ref so updates need no new chart. */
function overlayPlugin(overlays: { current: Overlays }): Plugin<'line'> {
  return {
    id: 'zenithOverlays',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea: area, scales } = chart;
      const x = scales.x;
      const y = scales.y;
      if (!x || !y) return;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.lineWidth = 1.5;
      for (const line of overlays.current.thresholds) {
        const py = y.getPixelForValue(line.value);
        if (py < area.top || py > area.bottom) continue;
        const color = line.color ?? '#b91c1c';
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(area.left, py);
        ctx.lineTo(area.right, py);
        ctx.stroke();
        ctx.textAlign = 'right';
        ctx.textBaseline = 'bottom';
        ctx.fillText(line.label, area.right - 4, py - 2);
      }
      ctx.setLineDash([2, 3]);
      for (const marker of overlays.current.markers) {
        const px = x.getPixelForValue(Date.parse(marker.time));
        if (!Number.isFinite(px) || px < area.left || px > area.right) continue;
        const color = marker.color ?? '#475569';
        ctx.strokeStyle = color;
        ctx.fillStyle = color;
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.save();
        ctx.translate(px + 3, area.top + 2);
        ctx.rotate(Math.PI / 2);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'bottom';
        ctx.fillText(marker.label, 0, 0);
        ctx.restore();
      }
      ctx.restore();
    },
  };
}

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    setReduced(query.matches);
    const onChange = (event: MediaQueryListEvent) => setReduced(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return reduced;
}

function toChartDatasets(specs: DatasetSpec[]) {
  return specs.map((d) => ({
    label: d.label,
    data: d.data,
    yAxisID: d.yAxisID,
    stepped: d.stepped ? ('before' as const) : false,
    borderColor: d.color,
    backgroundColor: d.color,
    borderWidth: 2,
    pointRadius: d.data.length > 60 ? 0 : 2,
    tension: 0,
  }));
}

/**
 * A time series line chart (Chart.js, linear x axis of epoch ms, no date adapter) inside a <figure>:
 * several series, an optional right axis, threshold lines and event markers, and a visually hidden table of
 * the latest points for screen readers (also what tests and benchmarks watch).
 */
export function MetricChart({ caption, series, thresholds = [], markers = [], unit, rightAxisLabel, height = 240, emptyText }: MetricChartProps) {
  const t = useTranslations('metrics');
  const locale = useLocale();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);
  const overlays = useRef<Overlays>({ thresholds, markers });
  const reducedMotion = usePrefersReducedMotion();

  const datasets = useMemo(() => buildDatasets(series), [series]);
  const hasPoints = datasets.some((d) => d.data.length > 0);
  const usesRight = datasets.some((d) => d.yAxisID === 'y2');
  const bounds = timeBounds(datasets, markers);
  const percent = unit === '%';
  const yTop = leftAxisTop(datasets, thresholds, percent);
  const formatTick = timeTickFormatter(locale, bounds ? bounds.max - bounds.min : 0);

  overlays.current = { thresholds, markers };

  useEffect(() => {
    if (!canvas.current || !hasPoints) return;
    const instance = new Chart<'line', { x: number; y: number }[]>(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
      plugins: [overlayPlugin(overlays)],
    });
    chart.current = instance;
    return () => {
      instance.destroy();
      chart.current = null;
    };
  }, [hasPoints]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.data.datasets = toChartDatasets(datasets);
    instance.options.animation = reducedMotion ? false : { duration: 250 };
    instance.options.scales = {
      x: {
        type: 'linear',
        min: bounds?.min,
        max: bounds?.max,
        ticks: { callback: (value) => formatTick(Number(value)), maxTicksLimit: 8, maxRotation: 0 },
      },
      y: {
        type: 'linear',
        position: 'left',
        min: 0,
        ...yTop,
        title: { display: Boolean(unit), text: unit ?? '' },
      },
      y2: {
        type: 'linear',
        position: 'right',
        display: usesRight,
        min: 0,
        suggestedMax: 4,
        ticks: { precision: 0 },
        grid: { drawOnChartArea: false },
        title: { display: Boolean(rightAxisLabel), text: rightAxisLabel ?? '' },
      },
    };
    instance.update();
  });

  const rows = latestRows(series);
  const newest = lastTime(series);
  const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <figure className="space-y-2" data-testid="metric-chart" data-last-time={newest ?? ''} data-points={datasets.reduce((n, d) => n + d.data.length, 0)}>
      <figcaption className="text-sm font-medium text-slate-900">{caption}</figcaption>
      {hasPoints ? (
        <div className="relative" style={{ height }}>
          <canvas ref={canvas} role="img" aria-label={caption} />
        </div>
      ) : (
        <p className="rounded border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600">{emptyText ?? t('chartEmpty')}</p>
      )}
      <table className="sr-only">
        <caption>{t('chartTableCaption', { caption })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chartTime')}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.time} data-time={row.time}>
              <th scope="row">{timeFormat.format(new Date(row.time))}</th>
              {row.values.map((value, index) => (
                <td key={series[index]?.key ?? index}>{value === null ? '–' : `${Number(value.toFixed(2))}${unit ?? ''}`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {thresholds.length + markers.length > 0 ? (
        <ul className="sr-only">
          {thresholds.map((line) => (
            <li key={`t-${line.label}-${line.value}`}>{t('chartThreshold', { label: line.label, value: line.value })}</li>
          ))}
          {markers.map((marker) => (
            <li key={`m-${marker.time}-${marker.label}`}>{`${timeFormat.format(new Date(marker.time))}: ${marker.label}`}</li>
          ))}
        </ul>
      ) : null}
    </figure>
  );
}
