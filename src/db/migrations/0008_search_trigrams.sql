-- Trigram matching (pg_trgm) lets search find names and titles typed with a slip. PGlite loads the extension
-- when it opens a database (src/db/embedded.ts); on PostgreSQL it ships with the server's contrib modules.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "products_name_trgm_idx" ON "products" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "articles_title_trgm_idx" ON "articles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
-- Ids of rows whose name or title is a near spelling of the query: pg_trgm's word similarity of at least 0.45,
-- answered from the trigram index. pg_trgm's default of 0.6 misses a slip in a short word ("lazer comb" is 0.45
-- from "Low-Level Laser Hair Comb"); 0.4 already lets "comb" find "(90 count)". The threshold is a setting,
-- scoped here to the function instead of the whole session.
CREATE FUNCTION products_named_near(q text) RETURNS SETOF uuid LANGUAGE sql STABLE
  SET pg_trgm.word_similarity_threshold = 0.45
  AS $$ SELECT id FROM products WHERE q <% name $$;--> statement-breakpoint
CREATE FUNCTION articles_titled_near(q text) RETURNS SETOF uuid LANGUAGE sql STABLE
  SET pg_trgm.word_similarity_threshold = 0.45
  AS $$ SELECT id FROM articles WHERE q <% title $$;
--> statement-breakpoint
-- Names and titles shoppers can find that hold a word spelled something like w (word similarity of at least 0.3,
-- from the trigram index): where a "did you mean" correction for a query without hits is looked for.
CREATE FUNCTION product_names_near_word(w text) RETURNS SETOF text LANGUAGE sql STABLE
  SET pg_trgm.word_similarity_threshold = 0.3
  AS $$ SELECT name FROM products WHERE status = 'active' AND w <% name $$;--> statement-breakpoint
CREATE FUNCTION article_titles_near_word(w text) RETURNS SETOF text LANGUAGE sql STABLE
  SET pg_trgm.word_similarity_threshold = 0.3
  AS $$ SELECT title FROM articles WHERE status = 'published' AND published_at <= now() AND w <% title $$;
