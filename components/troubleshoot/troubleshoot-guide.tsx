import { useTranslations } from 'use-intl';

import { Panel } from '@/components/ui/panel';

const SSH_STEPS = ['active', 'fip', 'rule', 'key', 'inside', 'operator'] as const;

/** The operations guide's advice for this page, and the commands that check the same path by hand. */
export function TroubleshootGuide({ commands }: { commands: string[] }) {
  const t = useTranslations('troubleshoot');
  return (
    <div className="space-y-4">
      {commands.length > 0 && (
        <Panel title={t('commandsTitle')}>
          <p className="mb-2 text-sm text-slate-600">{t('commandsIntro')}</p>
          <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-100" data-testid="trace-commands">
            <code>{commands.map((c) => `$ ${c}`).join('\n')}</code>
          </pre>
        </Panel>
      )}
      <Panel title={t('guideTitle')}>
        <p className="text-sm text-slate-700">{t('guideTip')}</p>
        <h3 className="mt-4 text-sm font-semibold text-slate-900">{t('sshTitle')}</h3>
        <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
          {SSH_STEPS.map((step) => (
            <li key={step}>{t(`sshSteps.${step}`)}</li>
          ))}
        </ol>
      </Panel>
    </div>
  );
}
