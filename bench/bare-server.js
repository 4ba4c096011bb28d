// Baseline for bench/ingest.js: the least a webhook endpoint can do — read the body, answer 200.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('EVENT_RECEIVED');
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
