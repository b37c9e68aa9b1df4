// Every request of the console goes through here, so headers (a bearer token, say) are added in one place.
const api = (() => {
  const headers = () => ({ Accept: 'application/json' });

  // Resolves to { status, ok, body } whatever the status; body is the parsed JSON (problem+json too).
  async function get(path, { signal } = {}) {
    const response = await fetch(path, { headers: headers(), signal });
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : await response.text();
    return { status: response.status, ok: response.ok, body };
  }

  // A Server-Sent Events stream. EventSource sends no custom headers: a token would go in a cookie.
  function stream(path) {
    return new EventSource(path);
  }

  const id = (value) => encodeURIComponent(value.trim());

  return { get, stream, id };
})();
