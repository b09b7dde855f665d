// Receives the widget's events from the framed page; trusts only its own origin.
window.guidepostMessages = [];
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  if (!event.data || typeof event.data.type !== 'string' || !event.data.type.startsWith('guidepost:')) return;
  window.guidepostMessages.push(event.data);
  const item = document.createElement('li');
  item.textContent = `${event.data.type} ${JSON.stringify(event.data.detail)}`;
  document.getElementById('event-log').append(item);
});
