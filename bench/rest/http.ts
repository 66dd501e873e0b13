// The benchmark's HTTP/1.1 plumbing (node:http, one keep-alive agent): each push query holds
// one connection for its whole life, so the agent allows one socket per client and a few more.
import { Agent, request, type IncomingMessage, type ClientRequest } from 'node:http';

export function benchAgent(clients: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: clients + 8 });
}

/** A POST whose response is handed over as soon as its head arrives. */
export function post(agent: Agent, url: string, path: string, headers: Record<string, string>, body?: string): { req: ClientRequest; response: Promise<IncomingMessage> } {
  const req = request(new URL(path, url), { method: 'POST', agent, headers });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  if (body !== undefined) req.end(body);
  return { req, response };
}

/** POST /ksql with one statement; throws with the server's answer unless it is a 2xx. */
export async function ksql(agent: Agent, url: string, statement: string): Promise<void> {
  const { response } = post(agent, url, '/ksql', { 'content-type': 'application/json', accept: 'application/json' },
    JSON.stringify({ ksql: statement, streamsProperties: {} }));
  const res = await response;
  let text = '';
  res.setEncoding('utf8');
  for await (const s of res) text += s;
  if ((res.statusCode ?? 0) >= 300) throw new Error(`${statement} → ${res.statusCode}: ${text}`);
}
