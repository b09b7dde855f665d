// Guidepost loader: the one file a host page includes.
//
//   <guidepost-assessment lang="tr"></guidepost-assessment>      (or <div data-guidepost data-lang="tr">)
//   <script type="module" src="/guidepost/guidepost.js"></script>
//
// Registers <guidepost-assessment>, and gives every [data-guidepost] element, now and
// whenever one is added later (single-page apps), the same lifecycle: a widget while the
// element is on the page, rebuilt when one of its attributes changes, gone when it leaves.
// No inline script, no eval, no request beyond this file's own origin.
import { TAG, DATA_PREFIX, LANGUAGES, BUILDS, OPTIONS, PER_LANGUAGE, CONTENT } from './guidepost-facts.js';

// Three builds of the same Rust code: `core` and `core-tr`, what a first visit downloads,
// with the English or the Turkish strings compiled in, and `full`, which carries both and
// reads and validates a site owner's content override, fetched only for widgets that use one.
// (The single-file offline build replaces this function.)
async function loadModule(kind) {
  const module = await import(`./guidepost-${kind}.js`);
  await module.default({ module_or_path: new URL(`guidepost-${kind}_bg.wasm`, import.meta.url) });
  return module;
}

const modules = {};

function start(kind) {
  modules[kind] ??= loadModule(kind).catch((error) => {
    delete modules[kind];
    throw error;
  });
  return modules[kind];
}

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

// The attributes whose change rebuilds a widget, without their prefix.
const OBSERVED = [...Object.values(OPTIONS), CONTENT,
  ...PER_LANGUAGE.flatMap((name) => LANGUAGES.map((lang) => `${name}-${lang}`))];

/** The language a widget shows: its `lang`, or for `auto` the first of the browser's
 *  languages the widget speaks. Resolved here only: it picks the build, and the wasm is
 *  told. */
function resolveLanguage(widget) {
  const lang = (widget.attr(OPTIONS.lang) || '').trim().toLowerCase();
  if (LANGUAGES.includes(lang)) return lang;
  if (lang === 'auto') {
    for (const tag of navigator.languages || []) {
      const primary = String(tag).split('-')[0].toLowerCase();
      if (LANGUAGES.includes(primary)) return primary;
    }
  }
  return LANGUAGES[0];
}

// The host events. The wasm reports what happened as a name and a JSON `detail`; here it
// becomes a bubbling, composed `guidepost:<name>` event on the host element, inside a frame
// a message to the parent named by parent-origin (never '*'), and with datalayer="on" an
// entry in Google Tag Manager's dataLayer.
function parentOrigin(widget) {
  const origin = widget.attr(OPTIONS.parentOrigin)?.trim();
  if (!origin || window.parent === window) return null;
  if (/^https?:\/\//.test(origin)) return origin;
  console.warn(`Guidepost: ${widget.prefix}${OPTIONS.parentOrigin}="${origin}" must be an origin such as https://example.com; no messages are posted.`);
  return null;
}

function emit(widget, name, detail, origin) {
  // From `ready` on, the first control is usable: `make bench` reads this mark.
  if (name === 'ready') performance.mark('guidepost:interactive');
  widget.element.dispatchEvent(new CustomEvent(`guidepost:${name}`, { bubbles: true, composed: true, detail }));
  if (origin) window.parent.postMessage({ type: `guidepost:${name}`, detail }, origin);
  if (widget.attr(OPTIONS.dataLayer)?.trim().toLowerCase() === 'on') {
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

function reportError(widget, error) {
  console.error('Guidepost could not start:', error);
  emit(widget, 'error', { version: 1, kind: 'load', message: String((error && error.message) || error) }, parentOrigin(widget));
}

/** One element's widget: mounted while the element is on the page (or asked for by
 *  `mount()`), rebuilt when its attributes change, removed when it leaves. (Closures rather
 *  than a class: the minifier can shorten their names.) */
function createWidget(element) {
  // A <guidepost-assessment>'s attributes are the option names; a [data-guidepost]'s
  // carry the data- prefix.
  const prefix = element.localName === TAG ? '' : DATA_PREFIX;
  let wanted = false;
  // Bumped by every (re)load, so a slower earlier load never attaches.
  let generation = 0;
  let ready = null;
  let module = null;
  let wasm = null;
  let resizing = null;
  let rebuilding = false;

  const attach = () => {
    // One reporter per mount: parent-origin is checked (and warned about) once.
    const origin = parentOrigin(widget);
    const report = (name, detail) => emit(widget, name, JSON.parse(detail), origin);
    resizing = postHeight(element, origin);
    try {
      wasm = module.mount(element, prefix, resolveLanguage(widget), window.parent !== window,
        widget.content, fetchTexts, report);
    } catch (error) {
      resizing?.disconnect();
      reportError(widget, error);
      throw error;
    }
  };

  const detach = () => {
    resizing?.disconnect();
    if (wasm) {
      wasm.unmount();
      wasm.free();
      wasm = null;
    }
  };

  const load = async () => {
    const mine = ++generation;
    // One microtask first, so options set by a `mount()` right after the element was added
    // are read by this load.
    await null;
    const kind = widget.content !== undefined || widget.attr(CONTENT) ? 'full' : BUILDS[resolveLanguage(widget)] || 'core';
    let loaded;
    try {
      loaded = await start(kind);
    } catch (error) {
      if (mine === generation) ready = null;
      reportError(widget, error);
      throw error;
    }
    if (mine === generation && wanted && !wasm) {
      module = loaded;
      attach();
    }
    return widget.handle;
  };

  const unmount = () => {
    wanted = false;
    generation++;
    detach();
    if (widgets.get(element) === widget) widgets.delete(element);
  };

  const widget = {
    element,
    prefix,
    /** A content override from `mount()`. */
    content: undefined,
    attr: (name) => element.getAttribute(prefix + name),
    /** Mounts the widget unless it is; resolves to its handle. */
    connect() {
      wanted = true;
      ready ??= load();
      return ready;
    },
    /** An attribute or the override changed: rebuild once, after every change of this task. */
    changed() {
      if (!wanted || rebuilding) return;
      rebuilding = true;
      queueMicrotask(() => {
        rebuilding = false;
        if (!wanted) return;
        detach();
        ready = load();
        ready.catch(() => {});
      });
    },
    /** The element left the page: unmount, unless it is back by the end of this task (moved). */
    disconnected() {
      queueMicrotask(() => {
        if (!element.isConnected) unmount();
      });
    },
    handle: {
      element,
      /** Forgets this widget's saved answers and starts it afresh. */
      reset() {
        if (!wasm) return;
        wasm.forget();
        detach();
        attach();
      },
      /** Removes the widget; the element stays, empty. */
      unmount,
    },
  };
  return widget;
}

const widgets = new WeakMap();

function widgetFor(element) {
  let widget = widgets.get(element);
  if (!widget) {
    widget = createWidget(element);
    widgets.set(element, widget);
  }
  return widget;
}

/** Sets an attribute only when it changes: setting it to its own value would rebuild. */
function setAttribute(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/**
 * Mounts a widget into `element` (a <guidepost-assessment>, or any element, which gets
 * `data-guidepost`), optionally setting options first (`{ lang, view, theme, ctaUrl,
 * ctaLabel, ctaParams, ctaTarget, persist, parentOrigin, dataLayer }`; `ctaUrl` and
 * `ctaLabel` also take `{ en: …, tr: … }`) and, optionally, `content`: a content override
 * (an object or JSON text in the schema of content/en.json). Setting them again later
 * rebuilds the widget. Resolves to a handle: `{ element, reset(), unmount() }`.
 */
export async function mount(element, options = {}) {
  if (!(element instanceof HTMLElement)) throw new TypeError('Guidepost: mount() needs an element');
  const widget = widgetFor(element);
  for (const [name, value] of Object.entries(options)) {
    if (name === 'content') continue;
    const attribute = Object.hasOwn(OPTIONS, name) ? widget.prefix + OPTIONS[name] : null;
    if (!attribute) {
      console.warn(`Guidepost: unknown option "${name}" ignored.`);
    } else if (value === null || value === undefined) {
      element.removeAttribute(attribute);
    } else if (typeof value === 'object' && PER_LANGUAGE.includes(OPTIONS[name])) {
      for (const [lang, text] of Object.entries(value)) setAttribute(element, `${attribute}-${lang}`, String(text));
    } else {
      setAttribute(element, attribute, typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value));
    }
  }
  if (Object.hasOwn(options, 'content') && options.content !== widget.content) {
    widget.content = options.content;
    widget.changed();
  }
  if (widget.prefix && !element.hasAttribute('data-guidepost')) element.setAttribute('data-guidepost', '');
  return widget.connect();
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
  const shown = root.querySelector('[lang]')?.getAttribute('lang') || resolveLanguage(widgetFor(host));
  const lang = Object.hasOwn(CRASH_TEXT, shown) ? shown : 'en';
  const text = CRASH_TEXT[lang];
  const box = document.createElement('div');
  box.className = 'gp gp-crash';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', lang);
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

// <guidepost-assessment>: the browser calls the lifecycle.
class GuidepostAssessment extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  connectedCallback() {
    widgetFor(this).connect().catch(() => {});
  }

  disconnectedCallback() {
    widgets.get(this)?.disconnected();
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value) widgets.get(this)?.changed();
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, GuidepostAssessment);

// [data-guidepost] elements: a MutationObserver calls the same lifecycle.
const DATA_SELECTOR = `[${DATA_PREFIX}guidepost]`;

function within(node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const found = node.matches(DATA_SELECTOR) ? [node] : [];
  return found.concat(Array.from(node.querySelectorAll(DATA_SELECTOR)));
}

function watch() {
  for (const element of document.querySelectorAll(DATA_SELECTOR)) widgetFor(element).connect().catch(() => {});
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const widget = widgets.get(record.target);
        if (widget) {
          const name = record.attributeName;
          if (name !== `${DATA_PREFIX}guidepost` && record.oldValue !== record.target.getAttribute(name)) widget.changed();
        } else if (record.target.matches(DATA_SELECTOR) && record.target.isConnected) widgetFor(record.target).connect().catch(() => {});
        continue;
      }
      for (const node of record.removedNodes) {
        for (const element of within(node)) widgets.get(element)?.disconnected();
      }
      for (const node of record.addedNodes) {
        for (const element of within(node)) widgetFor(element).connect().catch(() => {});
      }
    }
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: [`${DATA_PREFIX}guidepost`, ...OBSERVED.map((name) => DATA_PREFIX + name)],
  });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', watch, { once: true });
} else {
  watch();
}

export default { mount };
