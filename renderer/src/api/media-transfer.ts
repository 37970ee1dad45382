/**
 * The two things about recordings the API calls cannot carry: the address the page plays a
 * document's recording from (browser mode adds the page's token: a media element cannot send
 * headers), and, in browser mode, handing a chosen file to Glossa as a stream (PUT with progress)
 * rather than as base64 in JSON. In Electron a file is linked by its path instead.
 */
import { MEDIA_UPLOAD_PATH_PREFIX, type MediaStatus } from '../../../shared/media/media-types';
import { readAnswer, readToken, unreachable, unwrap } from './client';

/** The URL to give the media element for a status's `url`. */
export function playbackUrl(path: string): string {
  if (window.glossa) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(readToken())}`;
}

/** The file's path on disk where the page can know it (Electron); null in a browser. */
export function pathOfFile(file: File): string | null {
  const path = window.glossa?.pathForFile?.(file) ?? '';
  return path === '' ? null : path;
}

/** Browser mode: sends the file to Glossa, which keeps it and links it to the document. */
export function uploadRecording(
  documentId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<MediaStatus> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `${MEDIA_UPLOAD_PATH_PREFIX}${documentId}?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('X-Glossa-Token', readToken());
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(unreachable());
    request.onload = () => {
      try {
        resolve(unwrap(readAnswer(request.responseText, request.status, 'the upload')) as MediaStatus);
      } catch (error) {
        reject(error);
      }
    };
    request.send(file);
  });
}
