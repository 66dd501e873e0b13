// Builds the console into dist/console/ (served by `eddy server` at /): main.ts bundled with
// esbuild (uPlot in it), index.html, style.css and uPlot's stylesheet copied. Run by `npm run build:console` (and so by prepare).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist', 'console');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outfile: join(out, 'main.js'),
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(here, f), join(out, f));
// uPlot's stylesheet (legend, cursor), from its package.
copyFileSync(join(here, '..', 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), join(out, 'uplot.css'));
