// Receives the widget's events from the framed page; trusts only its own origin.
window.guidepostMessages = [];
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  if (!event.data || typeof event.data.type !== 'string' || !event.data.type.startsWith('guidepost:')) return;
  window.guidepostMessages.push(event.data);
  // The framed widget's height: size the iframe to it, no inner scrollbar.
  if (event.data.type === 'guidepost:resize') {
    const height = Number(event.data.detail && event.data.detail.height);
    if (height > 0) document.querySelector('iframe.widget-frame').style.height = `${height}px`;
    return;
  }
  const item = document.createElement('li');
  item.textContent = `${event.data.type} ${JSON.stringify(event.data.detail)}`;
  document.getElementById('event-log').append(item);
});
