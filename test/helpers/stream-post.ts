import { request } from 'node:http';

export interface StreamedPost {
  status: number;
  body: string;
  /** Bytes the client had handed to the socket when it stopped (the server's answer stops it). */
  sent: number;
}

/**
 * POSTs `totalBytes` of filler over a real socket, 64 KB at a time and only as fast as the server
 * takes them, so a 100 MB body is never held in memory by the test either. Stops writing as soon
 * as the server answers. `declareLength` sends `content-length`; otherwise the body is chunked.
 */
export function streamPost(url: string, opts: { totalBytes: number; headers?: Record<string, string>; declareLength?: boolean; prefix?: string }): Promise<StreamedPost> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
    if (opts.declareLength) headers['content-length'] = String(opts.totalBytes);
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      res.on('error', reject);
    });
    // The server closes the connection once it has refused the body; writes after that fail.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    const filler = Buffer.alloc(64 * 1024, 0x20);
    const first = Buffer.from(opts.prefix ?? '');
    const pump = () => {
      while (!answered && sent < opts.totalBytes) {
        const chunk = sent === 0 && first.length > 0 ? Buffer.concat([first, filler.subarray(first.length)]) : filler.subarray(0, Math.min(filler.length, opts.totalBytes - sent));
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    pump();
  });
}
