import { createServer } from 'node:http';

/**
 * The yardstick: a bare node:http server answering every request with the same 5 KB HTML page. Run as a child
 * process so it never shares an event loop with the load generator; prints its port on the first line.
 */
const PARAGRAPH =
  '<p>Exosome hair therapy, platelet-rich plasma and low-level laser combs are compared here by side effects, ' +
  'aftercare and regulatory status, so that a reader can choose with their practitioner.</p>\n';

function buildPage(bytes: number): string {
  const head = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body>\n';
  const tail = '</body></html>\n';
  let body = '';
  while (head.length + body.length + PARAGRAPH.length + tail.length <= bytes) body += PARAGRAPH;
  return `${(head + body + tail).padEnd(bytes - 1, ' ')}\n`;
}

const page = buildPage(5 * 1024);

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
  res.end(page);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address) process.stdout.write(`${address.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
