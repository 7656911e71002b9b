// Applies the product list's filters as soon as one changes, without loading the whole page again. The filter
// form needs none of this: it is a GET form whose address holds the filters. This script fetches the very page
// the form would load (cached and shareable like any other) and swaps in its list and its form.

const form = document.getElementById('product-filters');
const panel = document.getElementById('filter-panel');
const status = document.getElementById('filter-status');
// Where the filters sit beside the list instead of folded above it (style.css, .catalogue).
const wide = window.matchMedia('(min-width: 60rem)');

/** The address the form would load, without empty fields or the default sort, as the page's own links write it. */
function addressOf() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (name === 'sort' && value === 'name') continue;
    params.append(name, value.trim());
  }
  const query = params.toString();
  return new URL(form.action, window.location.href).pathname + (query ? `?${query}` : '');
}

// The form as the server drew it for the new address (errors, checked boxes), keeping the field in use.
function replaceForm(next) {
  const active = document.activeElement;
  const activeId = active && form.contains(active) ? active.id : '';
  const typed = active instanceof HTMLInputElement && active.type === 'number' ? active.value : null;
  form.replaceChildren(...next.childNodes);
  const again = activeId ? document.getElementById(activeId) : null;
  if (!again) return;
  if (typed !== null) again.value = typed;
  again.focus();
}

let pending;

async function show(address, { push }) {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  const results = document.getElementById('list-results');
  results.setAttribute('aria-busy', 'true');
  let page;
  try {
    const response = await fetch(address, { signal: controller.signal, headers: { Accept: 'text/html' } });
    page = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch (error) {
    if (error.name !== 'AbortError') window.location.assign(address);
    return;
  }
  const nextResults = page.getElementById('list-results');
  const nextForm = page.getElementById('product-filters');
  if (!nextResults || !nextForm) {
    window.location.assign(address);
    return;
  }
  const focusedId = document.activeElement && results.contains(document.activeElement) ? document.activeElement.id : '';
  results.replaceWith(nextResults);
  replaceForm(nextForm);
  panel.querySelector('.filter-count').textContent = page.querySelector('#filter-panel .filter-count').textContent;
  document.title = page.title;
  if (push) window.history.pushState(null, '', address);
  const refocus = focusedId ? document.getElementById(focusedId) : null;
  if (refocus) refocus.focus();
  else if (document.activeElement === document.body) nextResults.focus();
  const count = nextResults.querySelector('.result-count');
  status.textContent = count ? count.textContent.replace(/\s+/g, ' ').trim() : '';
}

if (form && panel && status && window.fetch) {
  document.documentElement.classList.add('has-live-filters');
  if (wide.matches) panel.open = true;
  wide.addEventListener('change', (event) => {
    if (event.matches) panel.open = true;
  });

  // Boxes and menus apply at once; a price applies when its field is left or Enter is pressed.
  document.addEventListener('change', (event) => {
    const field = event.target;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement) || field.form !== form) return;
    show(addressOf(), { push: true });
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(addressOf(), { push: true });
    // On a phone the open panel covers the list: fold it and show what the filters found.
    if (!wide.matches && event.submitter?.form === form && form.contains(event.submitter)) {
      panel.open = false;
      panel.scrollIntoView({ block: 'start' });
    }
  });

  // Removing one filter, or all of them, is a link to this same list with fewer filters.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-live-link]') : null;
    if (!link || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) return;
    event.preventDefault();
    show(url.pathname + url.search, { push: true });
  });

  window.addEventListener('popstate', () => {
    show(window.location.pathname + window.location.search, { push: false });
  });
}
