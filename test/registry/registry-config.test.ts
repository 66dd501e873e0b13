// Which schema registry an engine gets from its properties (--config, --set): the URL and basic
// auth as Confluent's clients and ksqlDB spell them, clear errors for bad values, and the
// in-process registry when no URL is set.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { registryConfig } from '../../src/format/registry/registry-config.js';
import { InProcessRegistry } from '../../src/format/registry/in-process-registry.js';
import { SqlError } from '../../src/types/sql-error.js';
import { eddy, file } from '../cli/cli-helpers.js';

function configError(props: Record<string, string>): SqlError {
  try {
    registryConfig(props);
  } catch (e) {
    expect(e).toBeInstanceOf(SqlError);
    return e as SqlError;
  }
  throw new Error(`no error for ${JSON.stringify(props)}`);
}

describe('registry properties', () => {
  it('name no registry unless a URL is set', () => {
    expect(registryConfig({})).toBeUndefined();
    expect(registryConfig({ 'schema.registry.url': '' })).toBeUndefined();
  });

  it('take the URL as Confluent clients and as ksqlDB spell it, and a list of URLs', () => {
    expect(registryConfig({ 'schema.registry.url': 'http://sr:8081' })).toEqual({ urls: ['http://sr:8081'] });
    expect(registryConfig({ 'ksql.schema.registry.url': 'https://sr:8081' })).toEqual({ urls: ['https://sr:8081'] });
    expect(registryConfig({ 'schema.registry.url': 'http://a:8081, http://b:8081' })).toEqual({ urls: ['http://a:8081', 'http://b:8081'] });
    expect(configError({ 'schema.registry.url': 'http://a:8081', 'ksql.schema.registry.url': 'http://b:8081' }).message)
      .toMatch(/schema\.registry\.url and ksql\.schema\.registry\.url are both set/);
    expect(configError({ 'schema.registry.url': 'localhost:8081' }).message).toMatch(/must be an http:\/\/ or https:\/\/ URL/);
  });

  it('take basic auth from user info or from the URL', () => {
    expect(registryConfig({ 'schema.registry.url': 'http://sr:8081', 'schema.registry.basic.auth.user.info': 'eddy:pw' }))
      .toEqual({ urls: ['http://sr:8081'], basicAuth: { source: 'USER_INFO', userInfo: 'eddy:pw' } });
    expect(registryConfig({
      'ksql.schema.registry.url': 'http://sr:8081', 'ksql.schema.registry.basic.auth.credentials.source': 'USER_INFO',
      'ksql.schema.registry.basic.auth.user.info': 'eddy:pw',
    })).toEqual({ urls: ['http://sr:8081'], basicAuth: { source: 'USER_INFO', userInfo: 'eddy:pw' } });
    expect(registryConfig({ 'schema.registry.url': 'http://eddy:pw@sr:8081', 'basic.auth.credentials.source': 'url' }))
      .toEqual({ urls: ['http://eddy:pw@sr:8081'], basicAuth: { source: 'URL', userInfo: 'http://eddy:pw@sr:8081' } });
  });

  it('refuse basic auth they cannot use, without showing the password', () => {
    const url = { 'schema.registry.url': 'http://sr:8081' };
    expect(configError({ ...url, 'schema.registry.basic.auth.user.info': 'justauser' }).message).toMatch(/must be USER:PASSWORD/);
    expect(configError({ ...url, 'basic.auth.credentials.source': 'USER_INFO' }).message).toMatch(/user\.info is not set/);
    expect(configError({ ...url, 'basic.auth.credentials.source': 'URL' }).message).toMatch(/has no user info/);
    expect(configError({ ...url, 'basic.auth.credentials.source': 'SASL_INHERIT' }).message).toMatch(/'SASL_INHERIT' is not supported/);
    const both = configError({ ...url, 'schema.registry.basic.auth.user.info': 'eddy:pw-alpha', 'basic.auth.user.info': 'eddy:pw-beta' });
    expect(both.message).not.toMatch(/pw-alpha|pw-beta/);
    expect(configError({ 'schema.registry.url': 'http://eddy:s3cret@sr:bad-port' }).message).not.toContain('s3cret');
  });

  it('take a time limit for registry calls', () => {
    expect(registryConfig({ 'schema.registry.url': 'http://sr:8081', 'eddy.schema.registry.timeout.ms': '2500' })?.timeoutMs).toBe(2500);
    expect(configError({ 'schema.registry.url': 'http://sr:8081', 'eddy.schema.registry.timeout.ms': '-1' }).message).toMatch(/positive whole number/);
  });
});

describe("an engine's schema registry", () => {
  it('is in-process without a URL, and the configured one with it', async () => {
    const embedded = await Engine.create();
    expect(embedded.state.schemaRegistry).toBeInstanceOf(InProcessRegistry);
    await embedded.close();
    const configured = await Engine.create({ properties: { 'ksql.schema.registry.url': 'http://127.0.0.1:1' } });
    expect(configured.state.schemaRegistry.describe).toBe('http://127.0.0.1:1');
    await configured.close();
  });

  it('comes from eddy run --set and --config, whose bad values fail the start', async () => {
    const script = file('registry-none.sql', "SHOW TOPICS;\n");
    // A registry that is not there is no error until a statement needs it.
    const ok = await eddy('run', script, '--set', 'schema.registry.url=http://127.0.0.1:1');
    expect(ok.stderr).toEqual([]);
    expect(ok.code).toBe(0);

    const set = await eddy('run', script, '--set', 'schema.registry.url=localhost:8081');
    expect(set.code).toBe(1);
    expect(set.stderr.join('\n')).toMatch(/schema\.registry\.url must be an http:\/\/ or https:\/\/ URL/);

    const config = file('registry.json', JSON.stringify({ properties: { 'schema.registry.url': 'http://sr:8081', 'schema.registry.basic.auth.user.info': 'nocolon' } }));
    const cfg = await eddy('run', script, '--config', config);
    expect(cfg.code).toBe(1);
    expect(cfg.stderr.join('\n')).toMatch(/must be USER:PASSWORD/);
  });
});
