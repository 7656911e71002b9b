import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '#src/web/context.ts';
import { renderPage } from '#src/web/layout.ts';

export const homePage = new Hono<AppEnv>();

homePage.get('/', async (c) => {
  const { ctx } = c.var;
  const store = await ctx.settings();
  return c.html(renderPage({ title: store.name, store, baseUrl: ctx.config.baseUrl, section: 'home', canonicalPath: '/', body: html`<h1>${store.name}</h1>` }));
});
