'use client';

import { zodFields } from '@/components/ui/use-api-feedback';
import { useFormSubmit } from '@/components/ui/use-form-submit';

type Parse<T> = (value: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

/**
 * A floating IP form: checked with the shared zod schema first (errors next to the fields), then sent; the
 * BFF's field errors (Neutron's refusals) land next to the fields too, anything else in a toast.
 */
export function useFloatingIpForm<T>(schema: { safeParse: Parse<T> }) {
  const { fieldText, toastSuccess, errors, setErrors, busy, send } = useFormSubmit('floatingIps');
  const submit = async (values: unknown, request: (data: T) => Promise<unknown>, success: (answer: unknown) => string, done: () => void) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) return setErrors(zodFields(parsed.error.issues));
    setErrors({});
    await send(async () => {
      const answer = await request(parsed.data);
      toastSuccess(success(answer));
      done();
    });
  };
  return { errors, busy, submit, fieldText };
}
