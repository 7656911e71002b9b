import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import type { TrustProxy } from '#src/config.ts';
import type { AppEnv } from './context.ts';

type Socket = { remoteAddress?: string | undefined; encrypted?: boolean | undefined };

// @hono/node-server hands each request its Node `incoming` message in the env (under `server` in some setups, as
// getConnInfo reads it); `app.request()` in tests has none unless the test passes one.
function socketOf(c: Context<AppEnv>): Socket | undefined {
  const env = c.env as { server?: { incoming?: { socket?: Socket } }; incoming?: { socket?: Socket } } | undefined;
  return (env?.server ?? env)?.incoming?.socket;
}

/**
 * The address a request comes from, as the rate limits count it: the socket's peer, or, when TRUST_PROXY
 * believes that peer, the client its proxies report in X-Forwarded-For. Undefined when there is no socket.
 */
export function clientAddressOf(c: Context<AppEnv>): string | undefined {
  return resolveClientAddress(socketOf(c)?.remoteAddress, c.req.header('x-forwarded-for'), c.var.ctx.config.trustProxy);
}

/**
 * Whether the browser reached the store over https: a TLS socket, or `X-Forwarded-Proto: https` from a proxy
 * TRUST_PROXY believes. Only ever adds protection (Secure cookies), so a proxy relaying a client's own header
 * cannot weaken anything.
 */
export function isHttpsRequest(c: Context<AppEnv>): boolean {
  const socket = socketOf(c);
  if (socket?.encrypted) return true;
  const peer = normalizeAddress(socket?.remoteAddress);
  if (!peer || !isTrustedHop(c.var.ctx.config.trustProxy, peer, 0)) return false;
  // The leftmost value is the protocol the first proxy saw, which is the browser's.
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Walks X-Forwarded-For from the right, past each proxy TRUST_PROXY believes, to the client. */
export function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string | undefined {
  const peer = normalizeAddress(socketAddress);
  if (!peer || !forwardedFor || ('hops' in trust && trust.hops === 0)) return peer;
  // Nearest first: each proxy appends the address it was reached from, so entries further left are only as
  // trustworthy as the proxy that relayed them.
  const reported = forwardedFor.split(',').reverse();
  let client = peer;
  for (let hop = 0; hop < reported.length && isTrustedHop(trust, client, hop); hop++) {
    const next = normalizeAddress(reported[hop]);
    // A proxy we believe wrote something that is no address: stop at the last one we could read.
    if (!next) break;
    client = next;
  }
  return client;
}

function isTrustedHop(trust: TrustProxy, address: string, hop: number): boolean {
  if ('hops' in trust) return hop < trust.hops;
  return proxyListOf(trust.proxies).check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

const proxyLists = new WeakMap<string[], BlockList>();

function proxyListOf(proxies: string[]): BlockList {
  let list = proxyLists.get(proxies);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) {
      const [address = '', prefix] = entry.split('/');
      const type = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
    proxyLists.set(proxies, list);
  }
  return list;
}

/**
 * One spelling per address, so that a client counts once however it is written: no port (some proxies add one),
 * no brackets, lower case, and an IPv4 address mapped into IPv6 (how a dual-stack socket reports it) as IPv4.
 */
export function normalizeAddress(text: string | undefined): string | undefined {
  let address = text?.trim();
  if (!address) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.toLowerCase();
  if (isIP(address) === 0) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  return mapped ? mapped[1] : address;
}
