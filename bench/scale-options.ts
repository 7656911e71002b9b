import { parseArgs } from 'node:util';
import type { DatabaseKind } from './report.ts';

export type ScaleOptions = {
  databases: DatabaseKind[];
  /** Generated products to measure with; the articles are a tenth of them. */
  products: number;
  /** Drops the seeded database and seeds it again, instead of reusing one that has the data. */
  isFresh: boolean;
};

/** The catalogue size the issue names: 100,000 products and 10,000 articles. */
export const DEFAULT_SCALE_PRODUCTS = 100_000;

// npm hands `npm run bench --scale --db pglite` to the script as npm_config_scale=true and npm_config_db=pglite,
// while `npm run bench -- --scale` passes the flags on; both forms are read, the command line first.
function flagsOf(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    strict: false,
    options: {
      scale: { type: 'boolean' },
      db: { type: 'string' },
      'scale-products': { type: 'string' },
      fresh: { type: 'boolean' },
    },
  });
  const isSet = (value: string | undefined) => value !== undefined && value !== '' && value !== 'false';
  return {
    scale: values.scale === true || isSet(env.npm_config_scale),
    db: (values.db as string | undefined) ?? env.npm_config_db ?? env.BENCH_SCALE_DB,
    products:
      (values['scale-products'] as string | undefined) ?? env.npm_config_scale_products ?? env.BENCH_SCALE_PRODUCTS,
    fresh: values.fresh === true || isSet(env.npm_config_fresh),
  };
}

/** Whether `npm run bench` was asked for the catalogue at scale rather than the demo store. */
export function isScaleRun(argv: string[], env: NodeJS.ProcessEnv): boolean {
  return flagsOf(argv, env).scale;
}

/** The scale bench's settings from its flags; a bad value stops the run with a message saying what to give. */
export function readScaleOptions(argv: string[], env: NodeJS.ProcessEnv): ScaleOptions {
  const flags = flagsOf(argv, env);
  const db = flags.db ?? 'both';
  if (!['postgres', 'pglite', 'both'].includes(db)) {
    throw new Error(`--db takes postgres, pglite or both, not "${db}".`);
  }
  const products = flags.products === undefined ? DEFAULT_SCALE_PRODUCTS : Number(flags.products);
  if (!Number.isSafeInteger(products) || products < 100 || products > 1_000_000) {
    throw new Error(`--scale-products takes a number of products from 100 to 1000000, not "${flags.products}".`);
  }
  const databases: DatabaseKind[] = db === 'both' ? ['postgres', 'pglite'] : [db as DatabaseKind];
  return { databases, products, isFresh: flags.fresh };
}
