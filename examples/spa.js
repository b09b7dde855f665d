// A router's view change: the widget element appears later and may go away again.
function open() {
  if (document.querySelector('#outlet [data-guidepost]')) return;
  const view = document.createElement('section');
  view.innerHTML = '<h2>Self-assessment</h2><div data-guidepost="spa" data-view="quiz"></div>';
  document.getElementById('outlet').append(view);
}
document.getElementById('open').addEventListener('click', open);
document.getElementById('close').addEventListener('click', () => {
  document.getElementById('outlet').replaceChildren();
});
// Open on its own shortly after load, as an app that renders after fetching data.
setTimeout(open, 300);
