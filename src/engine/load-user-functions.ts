// User functions: TypeScript or JavaScript modules in a directory, loaded at start. Each module
// exports ScalarFunction / AggregateFunction objects (as in udfs/), by name or as default (one
// or an array). ksqlDB takes only Java jars; a TypeScript module is one file and no build.
import { readdir, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FunctionDef } from '../../udfs/types.js';
import { SqlError } from '../types/sql-error.js';

function isFunctionDef(v: unknown): v is FunctionDef {
  if (v === null || typeof v !== 'object') return false;
  const f = v as Partial<FunctionDef>;
  return (f.kind === 'scalar' || f.kind === 'aggregate') && typeof f.name === 'string' && Array.isArray(f.overloads);
}

function check(def: FunctionDef, file: string): FunctionDef {
  const problems: string[] = [];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(def.name)) problems.push(`name '${def.name}' is not an identifier`);
  if (def.overloads.length === 0) problems.push('it has no overloads');
  def.overloads.forEach((o, i) => {
    if (def.kind === 'scalar' && !('impl' in o && o.impl) && !('factory' in o && o.factory)) problems.push(`overload ${i + 1} has neither impl nor factory`);
    if (def.kind === 'aggregate' && typeof (o as { create?: unknown }).create !== 'function') problems.push(`overload ${i + 1} has no create()`);
  });
  if (problems.length > 0) {
    throw new SqlError('INVALID_STATEMENT', `User function ${def.name} in ${file}: ${problems.join('; ')}.`);
  }
  return { ...def, category: def.category ?? 'USER', description: def.description ?? '', examples: def.examples ?? [] };
}

async function importModule(path: string, scratch: () => Promise<string>): Promise<Record<string, unknown>> {
  if (!path.endsWith('.ts')) return import(pathToFileURL(path).href) as Promise<Record<string, unknown>>;
  let ts: typeof import('typescript');
  try {
    ts = (await import('typescript')).default as typeof import('typescript');
  } catch {
    throw new SqlError('INVALID_STATEMENT', `Loading ${path} needs the 'typescript' package: run npm install in Eddy's folder, or compile the function to .js.`);
  }
  const out = ts.transpileModule(await readFile(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: path,
  });
  const js = join(await scratch(), `${Date.now()}-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(js, out.outputText);
  return import(pathToFileURL(js).href) as Promise<Record<string, unknown>>;
}

export async function loadUserFunctions(dir: string): Promise<FunctionDef[]> {
  const abs = resolve(dir);
  let names: string[];
  try {
    names = (await readdir(abs)).filter((n) => /\.(m?js|ts)$/.test(n) && !n.endsWith('.d.ts')).sort();
  } catch (e) {
    throw new SqlError('IO_ERROR', `Cannot read the user functions directory ${abs}: ${(e as Error).message}`);
  }
  let tmp: string | undefined;
  const scratch = async (): Promise<string> => (tmp ??= await mkdtemp(join(tmpdir(), 'eddy-udf-')));
  const defs: FunctionDef[] = [];
  for (const n of names) {
    const path = join(abs, n);
    let mod: Record<string, unknown>;
    try {
      mod = await importModule(path, scratch);
    } catch (e) {
      if (e instanceof SqlError) throw e;
      throw new SqlError('INVALID_STATEMENT', `Cannot load user function module ${path}: ${(e as Error).message}`, { cause: e });
    }
    const found = Object.values(mod).flatMap((v) => (Array.isArray(v) ? v : [v])).filter(isFunctionDef);
    if (found.length === 0) {
      throw new SqlError('INVALID_STATEMENT', `${path} exports no function: export a ScalarFunction or AggregateFunction object (see udfs/).`);
    }
    for (const d of found) defs.push(check(d, path));
  }
  return defs;
}
