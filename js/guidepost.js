// Guidepost loader: the one file a host page includes.
//
//   <guidepost-assessment lang="tr"></guidepost-assessment>      (or <div data-guidepost data-lang="tr">)
//   <script type="module" src="/guidepost/guidepost.js"></script>
//
// Registers <guidepost-assessment>, and gives every [data-guidepost] element, now and
// whenever one is added later (single-page apps), the same lifecycle: a widget while the
// element is on the page, rebuilt when one of its attributes changes, gone when it leaves.
// No inline script, no eval, no request beyond this file's own origin.
import { TAG, DATA_PREFIX, LANGUAGES, BUILDS, OPTIONS, PER_LANGUAGE, CONTENT, FALLBACK } from './guidepost-facts.js';

// Host pages shadow and replace built-ins: an `<img name="querySelectorAll">` hides the
// document's own member of that name (DOM clobbering), a script swaps `HTMLElement`. What
// the loader needs from the page it reaches through the prototypes, as they were when this
// file ran.
const DOCUMENT = Document.prototype;
const fromDocument = (name) => Reflect.get(DOCUMENT, name, document);
const queryAll = (selector) => DOCUMENT.querySelectorAll.call(document, selector);
const create = (tag) => DOCUMENT.createElement.call(document, tag);
const NativeElement = Object.getPrototypeOf(create('span').constructor);
const own = (object, key) => object != null && Object.hasOwn(object, key);

// Three builds of the same Rust code: `core` and `core-tr`, what a first visit downloads,
// with the English or the Turkish strings compiled in, and `full`, which carries both and
// reads and validates a site owner's content override, fetched only for widgets that use one.
// (The single-file offline build replaces this function.)
async function loadModule(kind, attempt) {
  // After a failure, another URL: a browser may keep a failed module import for the page.
  const again = attempt ? `?attempt=${attempt}` : '';
  const module = await import(`./guidepost-${kind}.js${again}`);
  await module.default({ module_or_path: new URL(`guidepost-${kind}_bg.wasm${again}`, import.meta.url) });
  return module;
}

const modules = new Map();
let failures = 0;

/** The build `kind`, loaded once per page; a failed load is forgotten, so the next try
 *  really fetches again. */
function start(kind) {
  if (!modules.has(kind)) {
    modules.set(kind, loadModule(kind, failures).catch((error) => {
      modules.delete(kind);
      failures++;
      throw error;
    }));
  }
  return modules.get(kind);
}

// The widget's stylesheet, one constructed sheet that every widget on the page adopts. A
// prerendered widget (declarative shadow DOM) brings it in its own <style>; otherwise it is
// guidepost.css beside this file, fetched once a page alongside the wasm. A failure (or a
// browser without constructed sheets: Safari before 16.4) is forgotten, so a retry tries
// again.
let sheet = null;

function styleSheet(element) {
  if (!sheet) {
    const inline = element.shadowRoot?.querySelector('style')?.textContent;
    sheet = (inline ? Promise.resolve(inline) : fetch(new URL('guidepost.css', import.meta.url)).then((response) => {
      if (!response.ok) throw new Error(`guidepost.css: HTTP ${response.status}`);
      return response.text();
    })).then((css) => {
      const constructed = new CSSStyleSheet();
      constructed.replaceSync(css);
      return constructed;
    });
    sheet.catch(() => { sheet = null; });
  }
  return sheet;
}

/** `element`'s shadow root, attached if need be, styled, without a failure's message: what
 *  the wasm renders into (beside a prerendered first view, which it takes over from). */
function prepareRoot(element, styles) {
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  root.querySelector('.gp-crash')?.remove();
  root.adoptedStyleSheets = [styles];
}

// A download that neither arrives nor fails (a stalled connection) is reported as a failure
// after this long; should it arrive later, the widget still starts.
const STALL_MS = 12000;

// A core build carries one language: the other's strings come from
// guidepost-texts-<lang>.json beside this file, fetched once per page, when first needed.
const texts = new Map();

/** Calls `done(texts)` with a language's strings (an array), or `done(reason)`. A callback
 *  rather than a promise: awaiting in the wasm would ship its futures runtime (3 KB gzip).
 *  Only a request under way is shared: the wasm keeps what it could read, so whatever it
 *  could not (a failure, a 200 with the wrong body) is fetched afresh when the visitor asks
 *  again, revalidated past the HTTP cache. */
function fetchTexts(lang, done) {
  if (!texts.has(lang)) {
    texts.set(lang, fetch(new URL(`guidepost-texts-${lang}.json`, import.meta.url), { cache: 'no-cache' }).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    }).finally(() => texts.delete(lang)));
  }
  texts.get(lang).then(done, (error) => done(String(error?.message || error)));
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
    for (const tag of browserLanguages()) {
      const primary = String(tag).split('-')[0].toLowerCase();
      if (LANGUAGES.includes(primary)) return primary;
    }
  }
  return LANGUAGES[0];
}

/** The browser's languages, or none where reading them throws or gives nothing useful. */
function browserLanguages() {
  try {
    return Array.from(navigator.languages || [navigator.language]);
  } catch {
    return [];
  }
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

// Whether the page's first widget has set its `guidepost:interactive` mark.
let marked = false;

function emit(widget, name, detail, origin) {
  // The widget's own first render is in its shadow root, in the same task as the prerendered
  // view it repeats (ids included), which goes before the browser paints: nothing flashes or
  // moves.
  if (name === 'ready') widget.element.shadowRoot.querySelector('[data-prerender]')?.remove();
  // From `ready` on, the first control is usable: `make bench` reads this mark. Once a page:
  // the browser keeps every mark, so one per mount would grow with every mount.
  if (name === 'ready' && !marked) {
    marked = true;
    try {
      performance.mark('guidepost:interactive');
    } catch {
      // A host page that replaced or broke `performance` loses only the benchmark's mark.
    }
  }
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
    const below = parseFloat(getComputedStyle(fromDocument('body')).marginBottom) || 0;
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

// When the wasm cannot start (a failed or stalled download, a host page it cannot run on)
// or stopped after a Rust panic, the message is drawn here, in plain DOM and the widget's
// language: what happened and a retry control.
function showMessage(element, text, retry) {
  const root = element.shadowRoot || element.attachShadow({ mode: 'open' });
  const box = create('div');
  box.className = 'gp gp-crash';
  box.setAttribute('role', 'alert');
  box.setAttribute('lang', text.lang);
  // Styled through the CSSOM (a strict style-src allows it): the widget's stylesheet may not
  // have arrived.
  box.style.cssText = 'padding:16px;border:1px solid;border-radius:12px;font:16px/1.5 system-ui,sans-serif';
  const message = create('p');
  message.textContent = text.message;
  const button = create('button');
  button.type = 'button';
  button.className = 'gp-button';
  button.dataset.action = 'retry';
  button.textContent = text.retry;
  button.style.cssText = 'font:inherit;min-height:44px;padding:0 20px';
  button.addEventListener('click', retry);
  box.append(message, button);
  root.replaceChildren(box);
  return button;
}

/** A widget's fallback message and retry label, in the language it shows or would. */
function fallbackText(widget) {
  const shown = widget.element.shadowRoot?.querySelector('[lang]')?.getAttribute('lang');
  const lang = own(FALLBACK, shown) ? shown : resolveLanguage(widget);
  return { lang, ...FALLBACK[own(FALLBACK, lang) ? lang : LANGUAGES[0]] };
}

/** The storage namespace of a widget's progress: its name (`data-guidepost="…"`, or a
 *  custom element's `name`), or else `#` and its position among the page's widgets; a name
 *  already used by a widget on the page gets `#2`, `#3`… so two never share progress. */
function namespaceOf(widget) {
  const name = (widget.prefix ? widget.attr('guidepost') : widget.attr('name'))?.trim();
  if (!name) {
    const all = Array.from(queryAll(`${DATA_SELECTOR}, ${TAG}`));
    return `#${Math.max(0, all.indexOf(widget.element))}`;
  }
  let namespace = name;
  for (let n = 2; [...live].some((other) => other !== widget && other.namespace === namespace); n++) {
    namespace = `${name}#${n}`;
  }
  if (namespace !== name) console.warn(`Guidepost: another widget is named "${name}"; this one saves as "${namespace}".`);
  return namespace;
}

// The widgets mounted now.
const live = new Set();

let leaving = false;
addEventListener('pagehide', () => { leaving = true; });
addEventListener('pageshow', () => { leaving = false; });

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
  let styles = null;
  let wasm = null;
  let resizing = null;
  let rebuilding = false;

  const attach = () => {
    // One reporter per mount: parent-origin is checked (and warned about) once.
    const origin = parentOrigin(widget);
    const report = (name, detail) => emit(widget, name, JSON.parse(detail), origin);
    widget.namespace = namespaceOf(widget);
    live.add(widget);
    resizing = postHeight(element, origin);
    try {
      prepareRoot(element, styles);
      wasm = module.mount(element, prefix, resolveLanguage(widget), widget.namespace,
        window.parent !== window, widget.content, fetchTexts, report);
    } catch (error) {
      detach();
      fail(error);
    }
  };

  const detach = () => {
    resizing?.disconnect();
    resizing = null;
    live.delete(widget);
    if (wasm) {
      const mounted = wasm;
      wasm = null;
      try {
        mounted.unmount();
        mounted.free();
      } catch {
        // A wasm stopped by a panic cannot unmount; its message is removed with the rest.
        element.shadowRoot?.replaceChildren();
      }
    }
  };

  /** Could not start: the host hears why, the visitor sees a message with a retry. (Not when
   *  the page is being left, which cancels downloads under way.) */
  const fail = (error) => {
    if (leaving) return;
    reportError(widget, error);
    if (!wanted) return;
    const focused = Boolean(element.shadowRoot?.activeElement);
    const button = showMessage(element, fallbackText(widget), () => {
      ready = null;
      widget.connect().catch(() => {});
    });
    if (focused) button.focus();
  };

  const load = async () => {
    const mine = ++generation;
    // One microtask first, so options set by a `mount()` right after the element was added
    // are read by this load.
    await null;
    const kind = widget.content !== undefined || widget.attr(CONTENT) ? 'full' : BUILDS[resolveLanguage(widget)] || 'core';
    const loading = Promise.all([start(kind), styleSheet(element)]);
    let stalled;
    const timeout = new Promise((_, reject) => {
      stalled = setTimeout(() => reject(new Error(`guidepost-${kind} did not finish loading in ${STALL_MS / 1000} s`)), STALL_MS);
    });
    let loaded;
    try {
      loaded = await Promise.race([loading, timeout]);
    } catch (error) {
      if (mine === generation) {
        ready = null;
        fail(error);
        // A stalled download that arrives after all still starts the widget.
        loading.then(() => mine === generation && wanted && !wasm && widget.connect(), () => {});
      }
      throw error;
    } finally {
      clearTimeout(stalled);
    }
    if (mine === generation && wanted && !wasm) {
      [module, styles] = loaded;
      attach();
    }
    return widget.handle;
  };

  const unmount = () => {
    wanted = false;
    generation++;
    ready = null;
    detach();
    element.shadowRoot?.querySelector('.gp-crash')?.remove();
    if (widgets.get(element) === widget) widgets.delete(element);
  };

  const widget = {
    element,
    prefix,
    /** A content override from `mount()`. */
    content: undefined,
    /** Where its progress is kept (see `namespaceOf`). */
    namespace: '',
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
    /** The wasm stopped (a Rust panic): the visitor gets a message; retry reloads the page,
     *  which brings back their saved answers. */
    stopped() {
      showMessage(element, fallbackText(widget), () => window.location.reload()).focus();
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
async function mountWidget(element, options = {}) {
  if (!(element instanceof NativeElement)) throw new TypeError('Guidepost: mount() needs an element');
  const widget = widgetFor(element);
  for (const [name, value] of Object.entries(options ?? {})) {
    if (name === 'content') continue;
    const attribute = own(OPTIONS, name) ? widget.prefix + OPTIONS[name] : null;
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
  if (own(options, 'content') && options.content !== widget.content) {
    widget.content = options.content;
    widget.changed();
  }
  if (widget.prefix && !element.hasAttribute('data-guidepost')) element.setAttribute('data-guidepost', '');
  return widget.connect();
}

// After a Rust panic the wasm cannot be trusted: every widget it drew is replaced by a
// message (see `stopped`).
EventTarget.prototype.addEventListener.call(document, 'guidepost:error', (event) => {
  if (event.detail?.kind === 'panic') widgets.get(event.target)?.stopped();
});

// <guidepost-assessment>: the browser calls the lifecycle.
function defineElement() {
  try {
    if (customElements.get(TAG)) return true;
    customElements.define(TAG, class extends NativeElement {
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
    });
    return true;
  } catch (error) {
    console.warn(`Guidepost: <${TAG}> could not be registered (${error?.message || error}); the page observer mounts it.`);
    return false;
  }
}

// [data-guidepost] elements (and <guidepost-assessment> ones, should registering it fail):
// a MutationObserver calls the same lifecycle.
const DATA_SELECTOR = `[${DATA_PREFIX}guidepost]`;

function watch(selector) {
  const within = (node) => {
    if (node.nodeType !== Node.ELEMENT_NODE) return [];
    const found = node.matches(selector) ? [node] : [];
    return found.concat(Array.from(node.querySelectorAll(selector)));
  };
  for (const element of queryAll(selector)) widgetFor(element).connect().catch(() => {});
  if (typeof MutationObserver !== 'function') {
    console.warn('Guidepost: no MutationObserver here: call mount() for widgets added later.');
    return;
  }
  new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') {
        const widget = widgets.get(record.target);
        if (widget) {
          const name = record.attributeName;
          if (name !== `${DATA_PREFIX}guidepost` && record.oldValue !== record.target.getAttribute(name)) widget.changed();
        } else if (record.target.matches(selector) && record.target.isConnected) widgetFor(record.target).connect().catch(() => {});
        continue;
      }
      for (const node of record.removedNodes) {
        for (const element of within(node)) widgets.get(element)?.disconnected();
      }
      for (const node of record.addedNodes) {
        for (const element of within(node)) widgetFor(element).connect().catch(() => {});
      }
    }
  }).observe(fromDocument('documentElement'), {
    childList: true,
    subtree: true,
    attributes: true,
    attributeOldValue: true,
    attributeFilter: [`${DATA_PREFIX}guidepost`, ...OBSERVED.map((name) => DATA_PREFIX + name)],
  });
}

// One loader per page: a second copy of this file (another URL, another version) leaves the
// page to the first, and its `mount()` hands over to the first's.
const LOADER = Symbol.for('guidepost.loader');
const first = window[LOADER];

export function mount(element, options) {
  return first ? first.mount(element, options) : mountWidget(element, options);
}

if (first) {
  console.warn(`Guidepost: guidepost.js loaded twice (${first.url}, ${import.meta.url}); the first serves the page.`);
} else {
  Object.defineProperty(window, LOADER, { value: Object.freeze({ mount: mountWidget, url: import.meta.url }) });
  const selector = defineElement() ? DATA_SELECTOR : `${DATA_SELECTOR}, ${TAG}`;
  if (fromDocument('readyState') === 'loading') {
    EventTarget.prototype.addEventListener.call(document, 'DOMContentLoaded', () => watch(selector), { once: true });
  } else {
    watch(selector);
  }
}

export default { mount };
