'use client';

import { ArcElement, Chart, DoughnutController, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(DoughnutController, ArcElement, Tooltip);

/** Used against a limit as a ring; the text beside it carries the same figures for screen readers. */
export function UsageGauge({ label, used, max, unit, description }: { label: string; used: number; max: number; unit?: string; description: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const unlimited = max < 0;
  const ratio = unlimited || max === 0 ? 0 : Math.min(1, used / max);
  const colour = ratio >= 0.9 ? '#b91c1c' : ratio >= 0.7 ? '#d97706' : '#0369a1';

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'doughnut',
      data: {
        datasets: [
          {
            data: unlimited ? [0, 1] : [used, Math.max(0, max - used)],
            backgroundColor: [colour, '#e2e8f0'],
            borderWidth: 0,
          },
        ],
      },
      options: {
        cutout: '72%',
        animation: false,
        responsive: false,
        plugins: { tooltip: { enabled: false } },
        events: [],
      },
    });
    return () => chart.destroy();
  }, [used, max, unlimited, colour]);

  return (
    <figure className="flex items-center gap-3">
      <div className="relative h-20 w-20 shrink-0">
        <canvas ref={canvas} width={80} height={80} role="img" aria-label={description} />
        <span className="absolute inset-0 flex items-center justify-center text-xs font-semibold text-slate-800">
          {unlimited ? '∞' : `${Math.round(ratio * 100)}%`}
        </span>
      </div>
      <figcaption className="text-sm">
        <span className="block font-medium text-slate-900">{label}</span>
        <span className="text-slate-600">
          {used.toLocaleString()} / {unlimited ? '∞' : max.toLocaleString()}
          {unit ? ` ${unit}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
