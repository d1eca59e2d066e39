import { credentialFacts } from '@/lib/bff/api-access';
import { downloadResponse } from '@/lib/bff/download';
import { sessionRoute } from '@/lib/bff/guard';
import { renderCloudsYaml } from '@/lib/bff/openrc';

export const GET = sessionRoute(async (ctx) =>
  downloadResponse(renderCloudsYaml(credentialFacts(ctx)), 'clouds.yaml', 'application/yaml'),
);
