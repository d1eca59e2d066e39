import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { IntlProvider } from 'use-intl';
import { describe, expect, it } from 'vitest';

import { ToastProvider } from '@/components/ui/toast';
import { MESSAGES } from '@/lib/i18n/messages';
import { sessionQuery } from '@/lib/query/queries';

import { SimulateLoadButton } from './simulate-load-button';

const render = (embeddedCloud: boolean, serverIds: string[]) => {
  const client = new QueryClient();
  client.setQueryData(sessionQuery().queryKey, { embeddedCloud } as never);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <IntlProvider locale="en" messages={MESSAGES.en} timeZone="UTC">
        <ToastProvider>
          <SimulateLoadButton serverIds={serverIds} />
        </ToastProvider>
      </IntlProvider>
    </QueryClientProvider>,
  );
};

describe('SimulateLoadButton', () => {
  it('is not rendered against a real cloud', () => {
    expect(render(false, ['a'])).not.toContain('simulate-load');
  });

  it("offers load and its removal on the embedded cloud, showing the guides' dd commands", () => {
    const html = render(true, ['a']);
    expect(html).toContain('Put 100% CPU on this instance');
    expect(html).toContain('Remove load');
    expect(html).toContain('dd if=/dev/zero of=/dev/null');
  });

  it('names every member of a group, and cannot act on none', () => {
    expect(render(true, ['a', 'b', 'c'])).toContain('Put 100% CPU on every member (3)');
    expect(render(true, ['a'])).not.toMatch(/<button[^>]* disabled=""/);
    expect(render(true, [])).toMatch(/<button[^>]* disabled=""/);
  });
});
