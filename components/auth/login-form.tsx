'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslations } from 'use-intl';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { ApiErrorPayload } from '@/lib/api-error';
import { ApiClientError, apiFetch } from '@/lib/query/api';
import { type LoginInput, loginSchema } from '@/lib/validation/login';

type FieldErrors = Partial<Record<keyof LoginInput, string>>;

/** Validates with the route's own schema before sending; a failed login keeps the domain and user name. */
export function LoginForm({ defaultDomain }: { defaultDomain: string }) {
  const t = useTranslations('login');
  const router = useRouter();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<LoginInput>({ domain: defaultDomain, username: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [busy, setBusy] = useState(false);

  const update = (field: keyof LoginInput) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const parsed = loginSchema.safeParse(values);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof LoginInput] ??= t(`errors.${issue.message}`);
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setBusy(true);
    try {
      await apiFetch('/api/auth/login', { method: 'POST', body: parsed.data });
      router.replace('/project/overview');
      router.refresh();
    } catch (caught) {
      setBusy(false);
      setError(
        caught instanceof ApiClientError
          ? caught.payload
          : { code: 'internal', status: 0, message: String(caught), service: null, requestId: null },
      );
      setValues((v) => ({ ...v, password: '' }));
      passwordRef.current?.focus();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={error ? 'login-error' : undefined}>
      {error && (
        <div id="login-error">
          <Alert tone="error">
            <p>{t.has(`errors.${error.code}`) ? t(`errors.${error.code}`, { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }) : error.message}</p>
            {error.requestId && <p className="mt-1 font-mono text-xs">{t('requestId', { id: error.requestId })}</p>}
          </Alert>
        </div>
      )}
      <TextField
        label={t('domain')}
        name="domain"
        autoComplete="organization"
        value={values.domain}
        onChange={update('domain')}
        error={fieldErrors.domain}
      />
      <TextField
        label={t('username')}
        name="username"
        autoComplete="username"
        autoFocus
        value={values.username}
        onChange={update('username')}
        error={fieldErrors.username}
      />
      <TextField
        ref={passwordRef}
        label={t('password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={update('password')}
        error={fieldErrors.password}
      />
      <Button type="submit" busy={busy} className="w-full">
        {busy ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  );
}
