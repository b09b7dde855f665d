// The README's React recipe as a client-only app (bundled by the browser suite with
// esbuild): a <guidepost-assessment> rendered by React 19, its result lifted into React
// state through an event listener, its language and its presence driven by React.
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Assessment({ lang, onComplete }) {
  const ref = useRef(null);
  useEffect(() => {
    const element = ref.current;
    const listener = (event) => onComplete(event.detail);
    element.addEventListener('guidepost:complete', listener);
    return () => element.removeEventListener('guidepost:complete', listener);
  }, [onComplete]);
  return <guidepost-assessment ref={ref} lang={lang} cta-url="/contact" cta-params="outcome" persist="off" />;
}

function App() {
  const [lang, setLang] = useState('en');
  const [shown, setShown] = useState(true);
  const [result, setResult] = useState(null);
  window.reactApp = { setLang, setShown };
  return (
    <main>
      <h1>React host</h1>
      {shown && <Assessment lang={lang} onComplete={setResult} />}
      <p id="react-result">{result ? result.outcome : 'no result yet'}</p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(<App />);
