// The server side of SCRAM-SHA-256: RFC 7677's test vector, verifiers PostgreSQL 15 made, and the
// messages a broken or hostile client might send.
import { describe, it, expect } from 'vitest';
import { ScramServerExchange, ScramProtocolError, type ChannelBinding } from '../../server/pgwire/scram-exchange.js';
import { makeScramVerifier, parseScramVerifier, mockScramVerifier, saslPrep } from '../../server/auth/scram-verifier.js';

// RFC 7677 section 3: user "user", password "pencil".
const RFC = {
  salt: 'W22ZaJ0SNY7soEsUEjb6gQ==',
  serverNonce: '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0',
  clientFirst: 'n,,n=user,r=rOprNGfwEbeRWgbNEkqO',
  serverFirst: 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  clientFinal: 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  serverFinal: 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=',
};

async function rfcExchange(password = 'pencil'): Promise<ScramServerExchange> {
  const verifier = parseScramVerifier(await makeScramVerifier(password, 4096, Buffer.from(RFC.salt, 'base64')))!;
  return new ScramServerExchange(verifier, RFC.serverNonce);
}

describe('the SCRAM-SHA-256 exchange', () => {
  it('answers RFC 7677\'s test vector message for message', async () => {
    const x = await rfcExchange();
    expect(x.first(RFC.clientFirst)).toBe(RFC.serverFirst);
    expect(x.final(RFC.clientFinal)).toBe(RFC.serverFinal);
  });

  it('refuses the same proof when the stored password is another one', async () => {
    const x = await rfcExchange('pencil2');
    x.first(RFC.clientFirst);
    expect(x.final(RFC.clientFinal)).toBeUndefined();
  });

  it('refuses a proof with one bit changed', async () => {
    const x = await rfcExchange();
    x.first(RFC.clientFirst);
    const proof = Buffer.from(RFC.clientFinal.split(',p=')[1], 'base64');
    proof[0] ^= 1;
    expect(x.final(`${RFC.clientFinal.split(',p=')[0]},p=${proof.toString('base64')}`)).toBeUndefined();
  });

  it('fails a mock verifier (an unknown user) at the proof, after a normal-looking first answer', () => {
    const x = new ScramServerExchange(mockScramVerifier('user'), RFC.serverNonce);
    expect(x.first(RFC.clientFirst)).toMatch(/^r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj\)hNlF\$k0,s=[A-Za-z0-9+/]{22}==,i=4096$/);
    expect(x.final(RFC.clientFinal)).toBeUndefined();
  });

  it('gives an unknown name the same salt each time, and another name another salt', () => {
    expect(mockScramVerifier('mallory').salt).toEqual(mockScramVerifier('mallory').salt);
    expect(mockScramVerifier('mallory').salt).not.toEqual(mockScramVerifier('trudy').salt);
  });

  it('accepts the gs2 flag y (a client that could bind to TLS, but was not offered -PLUS)', async () => {
    const x = await rfcExchange();
    expect(x.first('y,,n=,r=abc')).toMatch(/^r=abc/);
    // c= must repeat "y,,"; with the wrong header (a downgrade) the exchange stops.
    expect(() => x.final(`c=biws,r=abc${RFC.serverNonce},p=${Buffer.alloc(32).toString('base64')}`)).toThrow(/channel binding check failed/);
  });

  it('says what is wrong with a broken message', async () => {
    const bad = async (first: string, final?: string): Promise<unknown> => {
      const x = await rfcExchange();
      try {
        x.first(first);
        if (final !== undefined) x.final(final);
      } catch (e) {
        expect(e).toBeInstanceOf(ScramProtocolError);
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(await bad('p=tls-server-end-point,,n=,r=abc')).toMatch(/asked for SCRAM channel binding, but selected SCRAM-SHA-256 \(not SCRAM-SHA-256-PLUS\)/);
    expect(await bad('n,a=admin,n=,r=abc')).toMatch(/authorization identities/);
    expect(await bad('n,,m=ext,n=,r=abc')).toMatch(/mandatory extensions/);
    expect(await bad('n,,r=abc')).toMatch(/expected n=USER,r=NONCE/);
    expect(await bad('hello')).toMatch(/gs2 header/);
    expect(await bad(RFC.clientFirst, 'c=biws,r=rOprNGfwEbeRWgbNEkqO-forged,p=AAAA')).toMatch(/nonce mismatch/);
    expect(await bad(RFC.clientFirst, 'c=biws,r=x')).toMatch(/no proof/);
    expect(await bad(RFC.clientFirst, `c=biws,r=rOprNGfwEbeRWgbNEkqO${RFC.serverNonce},p=AAAA`)).toMatch(/proof: wrong length/);
  });
});

describe('SCRAM channel binding (SCRAM-SHA-256-PLUS over TLS)', () => {
  const endPoint = Buffer.alloc(32, 7); // a stand-in for the certificate's hash
  const exchange = async (binding: ChannelBinding): Promise<ScramServerExchange> => {
    const verifier = parseScramVerifier(await makeScramVerifier('pencil', 4096, Buffer.from(RFC.salt, 'base64')))!;
    return new ScramServerExchange(verifier, RFC.serverNonce, binding);
  };
  const noProof = `p=${Buffer.alloc(32).toString('base64')}`;

  it('checks that c= carries the gs2 header and the certificate hash the server knows', async () => {
    const x = await exchange({ offered: true, selected: endPoint });
    x.first('p=tls-server-end-point,,n=,r=abc');
    const header = Buffer.from('p=tls-server-end-point,,');
    // The certificate hash of another server (a man in the middle's) fails before the proof counts.
    const other = Buffer.concat([header, Buffer.alloc(32, 8)]).toString('base64');
    expect(() => x.final(`c=${other},r=abc${RFC.serverNonce},${noProof}`)).toThrow(/channel binding check failed/);
    const x2 = await exchange({ offered: true, selected: endPoint });
    x2.first('p=tls-server-end-point,,n=,r=abc');
    const right = Buffer.concat([header, endPoint]).toString('base64');
    expect(x2.final(`c=${right},r=abc${RFC.serverNonce},${noProof}`)).toBeUndefined(); // on to the (wrong) proof
  });

  it('refuses a client that says y (it could bind) when -PLUS was offered: a downgrade', async () => {
    const x = await exchange({ offered: true });
    expect(() => x.first('y,,n=,r=abc')).toThrow(/channel binding negotiation error/);
    expect((await exchange({ offered: true })).first('n,,n=,r=abc')).toMatch(/^r=abc/); // a client that cannot bind
  });

  it('refuses -PLUS without binding data, and binding types other than tls-server-end-point', async () => {
    expect(() => new ScramServerExchange(mockScramVerifier('u'), 'x', { offered: true, selected: endPoint }).first('n,,n=,r=abc')).toThrow(/selected SCRAM-SHA-256-PLUS, but its message has no channel binding/);
    expect(() => new ScramServerExchange(mockScramVerifier('u'), 'x', { offered: true, selected: endPoint }).first('p=tls-unique,,n=,r=abc')).toThrow(/unsupported SCRAM channel binding type 'tls-unique'/);
  });
});

describe('SCRAM-SHA-256 verifiers', () => {
  it('are PostgreSQL 15\'s, byte for byte (made there with CREATE ROLE ... PASSWORD, remade here with its salt)', async () => {
    const pg = 'SCRAM-SHA-256$4096:zHp2rWkTXKU6dwtA4tIQqQ==$v/vGVAm9LFvhiKHxQvFHtD1uotLKFfKbtGJxrQ9shB0=:+72YnFprz9TcthORHC7qpTBuApM1u+8dxpERJJJX54s=';
    expect(await makeScramVerifier('pencil', 4096, parseScramVerifier(pg)!.salt)).toBe(pg);
  });

  it('SASLprep the password as Postgres does (a Roman numeral, a no-break space, a soft hyphen)', async () => {
    // Postgres 15: CREATE ROLE carol PASSWORD E'\u2168 caf\u00e9\u00a0\u00adx'
    const pg = 'SCRAM-SHA-256$4096:+G5jmcAE1tmT3zRjn5k7NQ==$aKYajRc6D1f79SylUBh+rSshLSGhGl8q4XYt/UcsApk=:mqSJT0Y7bPLRKLbmaJ8hRzrpY+uFvDvqPiDjip85HC0=';
    expect(await makeScramVerifier('\u2168 caf\u00e9\u00a0\u00adx', 4096, parseScramVerifier(pg)!.salt)).toBe(pg);
    expect(saslPrep('\u2168 caf\u00e9\u00a0\u00adx')).toBe('IX café x');
    expect(saslPrep('plain ASCII\t')).toBe('plain ASCII\t');
  });

  it('are made with a fresh salt and 4096 iterations each time', async () => {
    const [a, b] = [await makeScramVerifier('pw'), await makeScramVerifier('pw')];
    expect(a).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
  });

  it('refuse text that is not one, and absurd iteration counts', () => {
    expect(parseScramVerifier('md5abc')).toBeUndefined();
    expect(parseScramVerifier('SCRAM-SHA-256$4096:c2FsdA==$AAAA:AAAA')).toBeUndefined(); // short salt and keys
    const keys = `${Buffer.alloc(32).toString('base64')}:${Buffer.alloc(32).toString('base64')}`;
    expect(parseScramVerifier(`SCRAM-SHA-256$4096:${Buffer.alloc(16).toString('base64')}$${keys}`)).toBeDefined();
    expect(parseScramVerifier(`SCRAM-SHA-256$999999999:${Buffer.alloc(16).toString('base64')}$${keys}`)).toBeUndefined();
    expect(parseScramVerifier(`SCRAM-SHA-256$0:${Buffer.alloc(16).toString('base64')}$${keys}`)).toBeUndefined();
  });
});
