// Guidepost loader: the one file a host page includes. Mounts a widget into every
// [data-guidepost] element. No inline script, no eval, no request beyond this origin.
import init, { mount as mountWasm } from './guidepost-core.js';

const handles = new WeakMap();
const ready = init({ module_or_path: new URL('guidepost-core_bg.wasm', import.meta.url) });

/** Mounts a widget into `element` (once); resolves to a handle with `unmount()`. */
export async function mount(element) {
  await ready;
  if (!handles.has(element)) {
    handles.set(element, mountWasm(element));
  }
  return handles.get(element);
}

function mountAll() {
  for (const element of document.querySelectorAll('[data-guidepost]')) {
    mount(element).catch((error) => console.error('Guidepost could not start:', error));
  }
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', mountAll, { once: true });
} else {
  mountAll();
}
