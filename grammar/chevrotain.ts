// Chevrotain, loaded from the single-file ESM bundle it ships: its default entry point pulls in
// hundreds of lodash-es modules and costs about half a second at startup; the bundle ~25 ms.
// Every grammar module imports chevrotain through here, so there is only one instance.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

async function load(): Promise<Chevrotain> {
  try {
    // The package's `require` entry is lib/src/api.js; the bundle is lib/chevrotain.mjs.
    const entry = createRequire(import.meta.url).resolve('chevrotain');
    return (await import(pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href)) as Chevrotain;
  } catch {
    return import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } = chevrotain;
export type {
  IParserErrorMessageProvider, IRecognitionException, IToken, ParserMethod, TokenType,
} from 'chevrotain';
