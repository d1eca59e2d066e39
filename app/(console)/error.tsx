'use client';

import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <div className="max-w-xl space-y-4">
      <Alert tone="error">
        <p>{t('pageFailed')}</p>
        {error.digest && <p className="mt-1 font-mono text-xs">{error.digest}</p>}
      </Alert>
      <Button variant="secondary" onClick={reset}>
        {t('retry')}
      </Button>
    </div>
  );
}
