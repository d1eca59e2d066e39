import { z } from 'zod';

import { noStoreJson, sessionRoute } from '@/lib/bff/guard';
import { generateKeyPair, importKeyPair, loadKeyPairs } from '@/lib/bff/keypairs';
import { readJson } from '@/lib/bff/request';
import { createKeyPairSchema, importKeyPairSchema } from '@/lib/validation/keypairs';

export const GET = sessionRoute(async (ctx) => noStoreJson(await loadKeyPairs(ctx)));

/** With a public key: import. Without: Nova generates the pair and the private key goes back in this answer only. */
export const POST = sessionRoute(async (ctx, request) => {
  const body = await readJson(request);
  if (z.object({ publicKey: z.string() }).safeParse(body).success) {
    const { name, publicKey } = importKeyPairSchema.parse(body);
    return noStoreJson({ keyPair: await importKeyPair(ctx, name, publicKey), privateKey: null }, { status: 201 });
  }
  const { name } = createKeyPairSchema.parse(body);
  const { privateKey, ...keyPair } = await generateKeyPair(ctx, name);
  return noStoreJson({ keyPair, privateKey }, { status: 201 });
});
