import 'server-only';

import { safeFileName } from './openrc';

/** A text file download whose name cannot break the header, with the original name for browsers that read it. */
export function downloadResponse(body: string, fileName: string, contentType: string): Response {
  const ascii = safeFileName(fileName);
  return new Response(body, {
    headers: {
      'Content-Type': `${contentType}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
