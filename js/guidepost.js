// Guidepost loader: the one file a host page includes.
//
//   <div data-guidepost></div>
//   <script type="module" src="/guidepost/guidepost.js"></script>
//
// Mounts a widget into every [data-guidepost] element, now and whenever one is added later
// (single-page apps), and unmounts widgets whose element leaves the page. No inline script,
// no eval, no request beyond this file's own origin.
// Three builds of the same Rust code: `core` and `core-tr`, what a first visit downloads,
// with the English or the Turkish strings compiled in, and `full`, which carries both and
// reads and validates a site owner's content override, fetched only for widgets that use one.
// (The single-file offline build replaces this function.)
async function loadModule(kind) {
  const module = await import(`./guidepost-${kind}.js`);
  await module.default({ module_or_path: new URL(`guidepost-${kind}_bg.wasm`, import.meta.url) });
  return module;
}

const handles = new Map();
const modules = {};

// A core build carries one language: the other's strings come from
// guidepost-texts-<lang>.json beside this file, fetched once per page, when first needed.
const texts = {};

/** Calls `done(texts)` with a language's strings (an array), or `done(reason)`. A callback
 *  rather than a promise: awaiting in the wasm would ship its futures runtime (3 KB gzip). */
function fetchTexts(lang, done) {
  texts[lang] ??= fetch(new URL(`guidepost-texts-${lang}.json`, import.meta.url)).then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }).catch((error) => {
    delete texts[lang];
    throw error;
  });
  texts[lang].then(done, (error) => done(String(error?.message || error)));
}

// The language a widget will show, to pick the core build that carries it: data-lang, or
// for `auto` the first of the browser's languages the widget speaks (as the wasm decides).
function likelyLanguage(element) {
  const lang = (element.getAttribute('data-lang') || 'en').trim().toLowerCase();
  if (lang !== 'auto') return lang;
  return navigator.languages.map((tag) => tag.split('-')[0].toLowerCase()).find((tag) => tag === 'en' || tag === 'tr');
}

function start(kind) {
  modules[kind] ??= loadModule(kind);
  return modules[kind];
}

// JS option names → the host attributes they set (attributes are the one source of truth).
const OPTION_ATTRIBUTES = {
  lang: 'data-lang',
  view: 'data-view',
  theme: 'data-theme',
  ctaUrl: 'data-cta-url',
  ctaLabel: 'data-cta-label',
  persist: 'data-persist',
  parentOrigin: 'data-parent-origin',
  dataLayer: 'data-datalayer',
};

// The host events. The wasm reports what happened as a name and a JSON `detail`; here it
// becomes a bubbling, composed `guidepost:<name>` event on the host element and, inside a
// frame, a message to the parent named by data-parent-origin (never '*').
function parentOrigin(element) {
  const origin = element.getAttribute('data-parent-origin')?.trim();
  if (!origin || window.parent === window) return null;
  if (/^https?:\/\//.test(origin)) return origin;
  console.warn(`Guidepost: data-parent-origin="${origin}" must be an origin such as https://example.com; no messages are posted.`);
  return null;
}

function emit(element, name, detail, origin = parentOrigin(element)) {
  // From `ready` on, the first control is usable: `make bench` reads this mark.
  if (name === 'ready') performance.mark('guidepost:interactive');
  element.dispatchEvent(new CustomEvent(`guidepost:${name}`, { bubbles: true, composed: true, detail }));
  if (origin) window.parent.postMessage({ type: `guidepost:${name}`, detail }, origin);
  // Google Tag Manager's convention, for sites that measure without writing code.
  if (element.getAttribute('data-datalayer')?.trim().toLowerCase() === 'on') {
    (window.dataLayer ||= []).push({ event: `guidepost_${name}`, guidepost: detail });
  }
}

// A framed widget tells its parent its height whenever it changes, so the parent can size
// the iframe to it (README: "Iframes").
function postHeight(element, origin) {
  if (!origin || typeof ResizeObserver !== 'function') return null;
  let last = -1;
  const observer = new ResizeObserver(() => {
    // Down to the widget's bottom edge (not the document's scrollHeight, which never drops
    // below the frame's own height, so a shrinking widget would never be told).
    const below = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
    const height = Math.ceil(element.getBoundingClientRect().bottom + window.scrollY + below);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'guidepost:resize', detail: { height } }, origin);
  });
  observer.observe(element);
  return observer;
}

function reportError(element, error) {
  console.error('Guidepost could not start:', error);
  emit(element, 'error', { version: 1, kind: 'load', message: String((error && error.message) || error) });
}

/**
 * Mounts a widget into `element`, optionally setting options first
 * (`{ lang, view, theme, ctaUrl, ctaLabel, persist, parentOrigin }`) and, optionally,
 * `content`: a content override (an object or JSON text in the schema of content/en.json).
 * Resolves to a handle: `{ element, reset(), unmount() }`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Guidepost: mount() needs an element');
  const { content, ...attributes } = options;
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = OPTION_ATTRIBUTES[name];
    if (!attribute) {
      console.warn(`Guidepost: unknown option "${name}" ignored.`);
    } else if (value === null || value === undefined) {
      element.removeAttribute(attribute);
    } else {
      element.setAttribute(attribute, typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
    }
  }
  if (!element.hasAttribute('data-guidepost')) element.setAttribute('data-guidepost', '');
  const kind = content !== undefined || element.hasAttribute('data-content') ? 'full'
    : likelyLanguage(element) === 'tr' ? 'core-tr' : 'core';
  let wasmModule;
  try {
    wasmModule = await start(kind);
  } catch (error) {
    reportError(element, error);
    throw error;
  }
  let handle = handles.get(element);
  if (!handle) {
    const mountWasm = wasmModule.mount;
    // One reporter per element: data-parent-origin is checked (and warned about) once.
    const origin = parentOrigin(element);
    const report = (name, detail) => emit(element, name, JSON.parse(detail), origin);
    const resizing = postHeight(element, origin);
    let wasm;
    try {
      wasm = mountWasm(element, content, fetchTexts, report);
    } catch (error) {
      reportError(element, error);
      throw error;
    }
    handle = {
      element,
      /** Forgets this widget's saved answers and starts it afresh. */
      reset() {
        wasm.forget();
        wasm.unmount();
        wasm.free();
        wasm = mountWasm(element, content, fetchTexts, report);
      },
      /** Removes the widget; the element stays, empty. */
      unmount() {
        resizing?.disconnect();
        wasm.unmount();
        wasm.free();
        handles.delete(element);
      },
    };
    handles.set(element, handle);
  }
  return handle;
}

// After a Rust panic the wasm cannot be trusted, so the fallback is drawn here, in plain
// DOM, in the widget's language: a message and a retry control (reloading the page brings
// the visitor back to their saved answers).
const CRASH_TEXT = {
  en: { message: 'Sorry, the self-assessment stopped working.', retry: 'Try again' },
  tr: { message: 'Üzgünüz, öz değerlendirme beklenmedik şekilde durdu.', retry: 'Yeniden dene' },
};

function showCrash(host) {
  const root = host.shadowRoot;
  if (!root || root.querySelector('.gp-crash')) return;
  const lang = root.querySelector('[lang]')?.getAttribute('lang') || host.getAttribute('data-lang') || 'en';
  const text = CRASH_TEXT[lang] || CRASH_TEXT.en;
  const box = document.createElement('div');
  box.className = 'gp gp-crash';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', CRASH_TEXT[lang] ? lang : 'en');
  const message = document.createElement('p');
  message.textContent = text.message;
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.className = 'gp-button';
  retry.dataset.action = 'retry';
  retry.textContent = text.retry;
  retry.addEventListener('click', () => window.location.reload());
  box.append(message, retry);
  root.replaceChildren(box);
  retry.focus();
}

document.addEventListener('guidepost:error', (event) => {
  if (event.detail && event.detail.kind === 'panic' && event.target instanceof HTMLElement) showCrash(event.target);
});

function mountWithin(root) {
  const found = root.matches?.('[data-guidepost]') ? [root] : [];
  for (const element of root.querySelectorAll?.('[data-guidepost]') ?? []) found.push(element);
  for (const element of found) {
    if (!handles.has(element)) mount(element).catch(() => {});
  }
}

function unmountDetached() {
  for (const [element, handle] of handles) {
    if (!element.isConnected) handle.unmount();
  }
}

function watch() {
  mountWithin(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) mountWithin(node);
      }
      if (record.removedNodes.length) unmountDetached();
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', watch, { once: true });
} else {
  watch();
}

export default { mount };
