// For site builders that include a script by URL as a plain <script src> (no type="module"):
// loads guidepost.js, the module beside this file, which does everything else.
import(new URL('guidepost.js', document.currentScript.src).href);
