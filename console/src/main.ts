// The console: pages picked by the URL's hash (#sql, #models, #models/NAME), each talking to
// Eddy through its REST API only. Leaving a page stops its queries.
import { $ } from './dom.js';
import { initSqlPage } from './sql-page.js';
import { ModelsPage } from './models-page.js';

const PAGES = ['sql', 'models'];
initSqlPage();
const models = new ModelsPage($('page-models'));

async function route(): Promise<void> {
  const [page, arg] = location.hash.replace(/^#/, '').split('/');
  const which = PAGES.includes(page) ? page : 'sql';
  for (const p of PAGES) {
    $(`page-${p}`).hidden = p !== which;
    document.querySelector(`nav a[href="#${p}"]`)?.classList.toggle('active', p === which);
  }
  document.body.dataset.page = which;
  if (which === 'models') await models.show(arg ? decodeURIComponent(arg) : undefined);
  else await models.leave();
  document.body.dataset.shown = location.hash || '#sql';
}

window.addEventListener('hashchange', () => void route());
void route().finally(() => { document.body.dataset.ready = 'true'; });
