import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiReferencePage } from './api-reference/api-page';
import { DrawPage } from './digits/draw-page';
import { JobPage } from './jobs/job-page';
import { JobsPage } from './jobs/jobs-page';
import { ModelPage } from './models/model-page';
import { ModelsPage } from './models/models-page';
import { RainPage } from './rain/rain-page';
import { parseRoute, type Route, routeHref } from './router';
import { StoresPage } from './stores/stores-page';

// Jobs comes last so the tabs that were there keep their keyboard order.
const TABS: { route: Route; label: string }[] = [
  { route: { page: 'draw' }, label: 'Draw a digit' },
  { route: { page: 'models' }, label: 'Models' },
  { route: { page: 'rain' }, label: 'Rain' },
  { route: { page: 'stores' }, label: 'Stores' },
  { route: { page: 'api' }, label: 'API reference' },
  { route: { page: 'jobs' }, label: 'Jobs' },
];

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'draw':
      return <DrawPage />;
    case 'models':
      return <ModelsPage />;
    case 'model':
      return <ModelPage name={route.name} />;
    case 'rain':
      return <RainPage />;
    case 'stores':
      return <StoresPage />;
    case 'api':
      return <ApiReferencePage />;
    case 'jobs':
      return <JobsPage />;
    case 'job':
      return <JobPage jobId={route.id} />;
    default:
      return (
        <>
          <h1 tabIndex={-1}>Not found</h1>
          <p>
            There is no page <code>#/{route.path}</code> in this console. <a href="#/draw">Draw a digit</a>.
          </p>
        </>
      );
  }
}

/** The console: a header with the tabs and the page the URL's hash names. */
export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const active = route.page === 'model' ? 'models' : route.page === 'job' ? 'jobs' : route.page;
  useEffect(() => {
    // Keyboard and screen-reader users land on the new page's heading, not back at the top.
    if (first.current) first.current = false;
    else main.current?.querySelector<HTMLElement>('h1')?.focus();
    document.title = `${TABS.find((t) => t.route.page === active)?.label ?? 'Not found'} · serverless-ml`;
  }, [route, active]);
  return (
    <>
      {/* A button, not a #main link: the hash is the console's route. */}
      <button type="button" class="skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header class="site">
        <span class="brand">serverless-ml</span>
        <nav aria-label="Console">
          <ul>
            {TABS.map((tab) => (
              <li key={tab.route.page}>
                <a href={routeHref(tab.route)} aria-current={tab.route.page === active ? 'page' : undefined}>
                  {tab.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}
