/**
 * Request bodies read under a byte ceiling. The ceiling is checked while the bytes arrive, so an
 * oversized body is refused after at most `maxBytes` (plus one chunk) of it, never buffered whole:
 * a declared `content-length` over the ceiling is refused before a byte is read.
 */

/** The body's bytes, or `null` when it is larger than `maxBytes`. */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  // Not a byte is read; the 413 closes the connection, which ends the upload.
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (Number.isFinite(declared)) {
    // A declared length within the ceiling: Node's HTTP parser never delivers more than the
    // declared bytes as this request's body, so it is read whole, the fast way (and without
    // asking for `request.body`, which builds a stream). The count is still checked, for a
    // Request built in-process (`yoga.fetch`) whose header lies.
    const bytes = new Uint8Array(await request.arrayBuffer());
    return bytes.byteLength > maxBytes ? null : bytes;
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: what is left is never pulled off the socket into memory.
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The body as text, or `null` when it is larger than `maxBytes`. A declared length is read whole
 * as text (no byte array and decoder on the way); without one, the bytes are counted as they come.
 */
export async function readTextWithin(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (!Number.isFinite(declared)) {
    const bytes = await readBodyWithin(request, maxBytes);
    return bytes && UTF8.decode(bytes);
  }
  if (declared > maxBytes) return null;
  const text = await request.text();
  // A Request built in-process (`yoga.fetch`) may carry more than its header says. A string of n
  // characters holds n to 3n UTF-8 bytes, so only a long one needs counting.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)) return null;
  return text;
}

const UTF8 = new TextDecoder();

/** The 413 a refused body gets. The connection closes, so the client stops sending the rest. */
export function payloadTooLarge(maxBytes: number): Response {
  const error = { message: `The request body is larger than ${maxBytes} bytes.`, extensions: { code: 'BAD_USER_INPUT', maxBodyBytes: maxBytes } };
  return new Response(JSON.stringify({ errors: [error] }), {
    status: 413,
    headers: { 'content-type': 'application/json', connection: 'close' },
  });
}
