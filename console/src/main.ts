// The console: pages picked by the URL's hash (#sql, #streams[/NAME], #queries[/ID], #models[/NAME],
// #anomalies[/STREAM/COLUMN/THRESHOLD], #log, #server), each talking to Eddy through its REST API only. Leaving a page
// stops its queries.
import { $ } from './dom.js';
import { initSqlPage } from './sql-page.js';
import { ModelsPage } from './models-page.js';
import { AnomaliesPage } from './anomalies-page.js';
import { LogPage } from './log-page.js';
import { showServer } from './server-page.js';
import { StreamsPage } from './streams-page.js';
import { QueriesPage } from './queries-page.js';

const PAGES = ['sql', 'streams', 'queries', 'models', 'anomalies', 'log', 'server'];
initSqlPage();
const models = new ModelsPage($('page-models'));
const anomalies = new AnomaliesPage($('page-anomalies'));
const log = new LogPage($('page-log'));
const streams = new StreamsPage($('page-streams'));
const queries = new QueriesPage($('page-queries'));

async function route(): Promise<void> {
  const [page, ...args] = location.hash.replace(/^#/, '').split('/');
  const which = PAGES.includes(page) ? page : 'sql';
  for (const p of PAGES) {
    $(`page-${p}`).hidden = p !== which;
    document.querySelector(`nav a[href="#${p}"]`)?.classList.toggle('active', p === which);
  }
  document.body.dataset.page = which;
  await Promise.all([
    which === 'models' ? undefined : models.leave(),
    which === 'anomalies' ? undefined : anomalies.leave(),
    which === 'log' ? undefined : log.leave(),
    which === 'streams' ? undefined : streams.leave(),
    which === 'queries' ? undefined : queries.leave(),
  ]);
  if (which === 'models') await models.show(args[0] ? decodeURIComponent(args[0]) : undefined);
  else if (which === 'anomalies') await anomalies.show(args);
  else if (which === 'log') await log.show();
  else if (which === 'streams') await streams.show(args[0] ? decodeURIComponent(args[0]) : undefined);
  else if (which === 'queries') await queries.show(args[0] ? decodeURIComponent(args[0]) : undefined);
  else if (which === 'server') await showServer($('page-server'));
  document.body.dataset.shown = location.hash || '#sql';
}

window.addEventListener('hashchange', () => void route());
void route().finally(() => { document.body.dataset.ready = 'true'; });
