import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';

import { MESSAGES } from '@/lib/i18n/messages';

import { type ChartSeries, MetricChart } from './metric-chart';

const CPU: ChartSeries = {
  key: 'cpu',
  label: 'CPU <b>',
  measures: [
    { time: '2026-11-21T23:40:00.000Z', granularity: 60, value: 2.345 },
    { time: '2026-11-21T23:41:00.000Z', granularity: 60, value: 99 },
  ],
};

const render = (series: ChartSeries[], extra: Partial<Parameters<typeof MetricChart>[0]> = {}) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      <MetricChart caption="cpu_util" series={series} unit="%" {...extra} />
    </IntlProvider>,
  );

describe('MetricChart markup', () => {
  it('is a figure with a caption, a canvas described by it, and the newest point in data attributes', () => {
    const html = render([CPU]);
    expect(html).toMatch(/^<figure[^>]*data-last-time="2026-11-21T23:41:00.000Z"[^>]*data-points="2"/);
    expect(html).toContain('<figcaption');
    expect(html).toContain('<canvas role="img" aria-label="cpu_util"');
  });

  it('has a visually hidden table of the latest points, newest first, labels as text', () => {
    const html = render([CPU]);
    expect(html).toContain('<table class="sr-only">');
    expect(html).toContain('CPU &lt;b&gt;');
    expect(html.indexOf('99%')).toBeLessThan(html.indexOf('2.35%'));
  });

  it('lists thresholds and markers for screen readers, and says when there is nothing yet', () => {
    const html = render([CPU], { thresholds: [{ value: 80, label: 'high' }], markers: [{ time: '2026-11-21T23:41:00.000Z', label: 'scaled' }] });
    expect(html).toContain('Threshold high: 80');
    expect(html).toContain('scaled');
    const empty = render([{ ...CPU, measures: [] }], { emptyText: 'Nothing yet' });
    expect(empty).toContain('Nothing yet');
    expect(empty).not.toContain('<canvas');
  });
});
