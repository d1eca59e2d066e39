import { type ApiErrorPayload, isApiErrorBody } from '@/lib/api-error';
import { ApiClientError } from '@/lib/query/api';

/**
 * Sends a file to /api/images/{id}/file, which streams it on to Glance. XMLHttpRequest rather than fetch,
 * because only XHR reports upload progress in every browser.
 */
export function uploadImageFile(
  imageId: string,
  file: File,
  csrfToken: string,
  onProgress: (fraction: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/api/images/${encodeURIComponent(imageId)}/file`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      const payload: ApiErrorPayload = isApiErrorBody(body)
        ? body.error
        : { code: 'internal', status: xhr.status, message: xhr.statusText, service: null, requestId: null };
      reject(new ApiClientError(payload));
    };
    xhr.onerror = () =>
      reject(new ApiClientError({ code: 'network', status: 0, message: 'Zenith cannot be reached', service: null, requestId: null }));
    xhr.send(file);
  });
}
