// Refreshes the article editor's preview and compliance report while the author types. The editor needs none
// of this: its Preview button posts the same form and the server draws the page again with the preview.

const form = document.getElementById('article-form');
const pane = document.getElementById('article-preview-pane');
const WAIT_MS = 700;

let timer;
let pending;

async function refresh() {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') body.append(name, value);
  try {
    const response = await fetch(form.dataset.preview, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      credentials: 'same-origin',
      signal: controller.signal,
    });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(pane.id);
    if (next && pending === controller) pane.replaceChildren(...next.childNodes);
  } catch (err) {
    if (err.name !== 'AbortError') throw err;
  }
}

if (form && pane && form.dataset.preview) {
  form.addEventListener('input', (event) => {
    if (!['title', 'excerpt', 'body'].includes(event.target.name)) return;
    clearTimeout(timer);
    timer = setTimeout(refresh, WAIT_MS);
  });
}
