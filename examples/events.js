// Example host-page script: records every Guidepost event (and any CSP violation) in
// window.guidepostLog and shows it on the page, the way a site owner would feed analytics.
window.guidepostLog = [];
window.cspViolations = [];
const EVENTS = ['ready', 'start', 'answer', 'complete', 'cta', 'error'];

function show(line) {
  const log = document.getElementById('event-log');
  if (!log) return;
  const item = document.createElement('li');
  item.textContent = line;
  log.append(item);
}

for (const name of EVENTS) {
  document.addEventListener(`guidepost:${name}`, (event) => {
    const host = event.target instanceof Element ? (event.target.getAttribute('data-guidepost') || event.target.id || '') : '';
    window.guidepostLog.push({ type: event.type, host, detail: event.detail });
    show(`${event.type}${host ? ` [${host}]` : ''} ${JSON.stringify(event.detail)}`);
  });
}

document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
  show(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
});
