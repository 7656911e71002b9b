import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { SETTINGS } from './settings.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'medstore-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', ...env });

describe('TRUST_PROXY', () => {
  it('is off unless set: forwarded headers are not believed', () => {
    expect(load({}).trustProxy).toEqual({ hops: 0 });
    expect(load({ TRUST_PROXY: '' }).trustProxy).toEqual({ hops: 0 });
    expect(load({ TRUST_PROXY: 'false' }).trustProxy).toEqual({ hops: 0 });
    expect(load({ TRUST_PROXY: '0' }).trustProxy).toEqual({ hops: 0 });
  });

  it('takes a number of proxies in front of the store', () => {
    expect(load({ TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(load({ TRUST_PROXY: ' 2 ' }).trustProxy).toEqual({ hops: 2 });
  });

  it('takes a comma-separated list of proxy addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(load({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).trustProxy).toEqual({
      proxies: ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'],
    });
  });

  it.each([
    ['true', '"true" does not say which proxies'],
    ['yes', '"yes" is not an IP address or CIDR range'],
    ['11', 'at most 10 proxies'],
    ['-1', '"-1" is not an IP address'],
    ['10.0.0.300', '"10.0.0.300" is not an IP address'],
    ['10.0.0.0/33', '"10.0.0.0/33" is not an IP address'],
    ['::1/129', '"::1/129" is not an IP address'],
    ['10.0.0.0/8/8', '"10.0.0.0/8/8" is not an IP address'],
    ['10.0.0.1,', '"" is not an IP address'],
    ['fe80::1%eth0', '"fe80::1%eth0" is not an IP address'],
  ])('stops the start on %j, naming the variable', (value, message) => {
    expect(() => load({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => load({ TRUST_PROXY: value })).toThrow(`TRUST_PROXY: ${message}`);
  });
});

describe('the settings list that --help prints', () => {
  it('gives the defaults the parser applies to an empty environment', () => {
    const config = loadConfig({ SESSION_SECRET: 'a'.repeat(32) });
    expect(String(config.port)).toBe(SETTINGS.PORT.shownDefault);
    expect(config.host).toBe(SETTINGS.HOST.shownDefault);
    expect(config.baseUrl).toBe(SETTINGS.BASE_URL.shownDefault.replace('$PORT', SETTINGS.PORT.shownDefault));
    expect(config.dataDir).toBe(resolve(SETTINGS.DATA_DIR.shownDefault));
    expect(config.env).toBe(SETTINGS.NODE_ENV.shownDefault);
    expect(SETTINGS.LOG_LEVEL.shownDefault).toMatch(new RegExp(`^${config.logLevel}\\b`));
    expect(config.mailFrom).toBe(SETTINGS.MAIL_FROM.shownDefault.replace('<host of BASE_URL>', 'localhost'));
    expect(config.trustProxy).toEqual({ hops: 0 });
    expect(SETTINGS.TRUST_PROXY.shownDefault).toBe('off');
    for (const unset of [config.databaseUrl, config.smtpUrl, config.redisUrl]) expect(unset).toBeUndefined();
    for (const name of ['DATABASE_URL', 'SMTP_URL', 'REDIS_URL'] as const)
      expect(SETTINGS[name].shownDefault).toBe('unset');
  });

  it('is the list .env.example and the README describe', () => {
    const root = resolve(import.meta.dirname, '..');
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const exampleNames = [...example.matchAll(/^([A-Z0-9_]+)=/gm)].map(([, name]) => name);
    expect(exampleNames.sort()).toEqual(Object.keys(SETTINGS).sort());
    for (const name of Object.keys(SETTINGS)) expect(readme).toContain(`| \`${name}\``);
  });
});
