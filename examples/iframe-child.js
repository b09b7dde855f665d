// The framed page mounts through the JS API, naming the parent's origin. A real site would
// write its parent's origin literally (data-parent-origin="https://www.example.com").
import { mount } from '../guidepost.js';

mount(document.getElementById('framed-widget'), { parentOrigin: window.location.origin, persist: false });
