import { useTranslations } from 'use-intl';

import { SelectField } from '@/components/ui/select-field';
import { IMAGE_VISIBILITIES } from '@/lib/validation/images';

/** Public is offered only to admins, and the hint says why: Glance's default policy (publicize_image). */
export function VisibilityField({
  value,
  onChange,
  canPublish,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  canPublish: boolean;
  error: string | null;
}) {
  const t = useTranslations('images');
  const choices = IMAGE_VISIBILITIES.filter((v) => canPublish || v !== 'public' || value === 'public');
  return (
    <SelectField
      label={t('visibilityLabel')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={choices.map((v) => ({ value: v, label: t(`visibility.${v}`) }))}
      hint={canPublish ? t('publicHintAdmin') : t('publicHint')}
      error={error}
    />
  );
}
