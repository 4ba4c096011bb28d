// Loaded before every test file: an HTTP request to anything but this machine fails the test at
// once, instead of depending on whether the sandbox's network happens to refuse it.
const original = globalThis.fetch;
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

globalThis.fetch = (input: string | URL | Request, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  if (!loopback.has(url.hostname)) {
    return Promise.reject(new Error(`unexpected outbound request in a test: ${url.origin}${url.pathname}`));
  }
  return original(input, init);
};
