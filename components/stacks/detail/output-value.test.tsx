import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';

import type { ClassifiedOutput } from '@/lib/bff/stack-detail-outputs';
import { MESSAGES } from '@/lib/i18n/messages';

import { OutputValue } from './output-value';

const render = (output: Partial<ClassifiedOutput>) =>
  renderToStaticMarkup(
    <IntlProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
      <OutputValue output={{ key: 'k', description: '', value: null, error: null, kind: 'text', ...output }} />
    </IntlProvider>,
  );

describe('an output value', () => {
  it('is a link in a new tab without opener or referrer only when it is http or https', () => {
    const html = render({ kind: 'link', value: 'https://example.com/a?b=1&c=2' });
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2"');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener noreferrer"');
  });

  it('is text, escaped, for anything else, saying why a refused signal URL is not a button', () => {
    const html = render({ kind: 'text', value: 'javascript:alert(1)<b>x</b>' });
    expect(html).not.toContain('<a');
    expect(html).toContain('javascript:alert(1)&lt;b&gt;x&lt;/b&gt;');
    expect(render({ kind: 'text', value: 'http://evil.test/x/resources/p/signal', refused: 'host' })).toContain('another host than your cloud');
  });

  it('is pretty JSON for objects and lists, and Heat’s error when it could not resolve', () => {
    expect(render({ kind: 'json', value: { ips: ['192.0.2.1'] } })).toContain('{\n  &quot;ips&quot;: [\n    &quot;192.0.2.1&quot;\n  ]\n}');
    expect(render({ kind: 'text', error: 'The Referenced Attribute (x y) is incorrect.' })).toContain('Heat could not resolve this output');
  });
});
