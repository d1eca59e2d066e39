import { credentialFacts } from '@/lib/bff/api-access';
import { downloadResponse } from '@/lib/bff/download';
import { sessionRoute } from '@/lib/bff/guard';
import { renderOpenrc } from '@/lib/bff/openrc';

export const GET = sessionRoute(async (ctx) =>
  downloadResponse(renderOpenrc(credentialFacts(ctx)), `${ctx.project.name}-openrc.sh`, 'text/x-shellscript'),
);
