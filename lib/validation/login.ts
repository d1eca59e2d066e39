import { z } from 'zod';

/** The login form and POST /api/auth/login share this schema; messages are i18n keys under "login.errors". */
export const loginSchema = z.object({
  domain: z.string().trim().min(1, 'domain_required').max(255, 'too_long'),
  username: z.string().trim().min(1, 'username_required').max(255, 'too_long'),
  password: z.string().min(1, 'password_required').max(4096, 'too_long'),
});

export type LoginInput = z.infer<typeof loginSchema>;

export const switchProjectSchema = z.object({ projectId: z.string().min(1).max(64) });
export const switchRegionSchema = z.object({ region: z.string().min(1).max(255) });
export const localeSchema = z.object({ locale: z.enum(['en', 'ja']) });
