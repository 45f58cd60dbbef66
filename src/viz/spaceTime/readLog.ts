/**
 * Reading a log's text from a file or a link, refusing anything over the import's size limit before it is
 * all in memory (a link's body is read in chunks and abandoned past the limit).
 */
import { SHIVIZ_LIMITS } from '../../core/causality/shiviz/format';
import { formatNumber } from '../shared/format';

const LIMIT = SHIVIZ_LIMITS.textBytesMax;

function tooBig(what: string): Error {
  return new Error(`${what} is over ${formatNumber(LIMIT)} bytes, the import's limit (textBytesMax)`);
}

export async function readFileText(file: File): Promise<string> {
  if (file.size > LIMIT) throw tooBig(`The file ${file.name}`);
  return file.text();
}

export async function readLinkText(link: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new Error(`"${link}" is not a link (expected http:// or https://…)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`only http and https links are read, not ${url.protocol}`);
  const response = await fetch(url, { credentials: 'omit' });
  if (!response.ok) throw new Error(`the link answered ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length'));
  if (length > LIMIT) throw tooBig('The linked log');
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > LIMIT) {
      await reader.cancel();
      throw tooBig('The linked log');
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
