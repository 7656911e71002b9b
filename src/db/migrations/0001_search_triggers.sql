-- Full-text search documents, weighted: names and titles (A) rank above summaries, brands and ingredients (B),
-- which rank above long descriptions and bodies (C). Kept by triggers so every writer gets them.
CREATE FUNCTION products_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.summary, '') || ' ' || coalesce(NEW.brand, '') || ' ' ||
      coalesce((SELECT string_agg(i->>'name', ' ') FROM jsonb_array_elements(NEW.active_ingredients) AS i), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '') || ' ' ||
      coalesce((SELECT string_agg(s, ' ') FROM jsonb_array_elements_text(NEW.side_effects) AS s), '')), 'C');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER products_search_trigger BEFORE INSERT OR UPDATE ON products
  FOR EACH ROW EXECUTE FUNCTION products_search_update();--> statement-breakpoint
CREATE FUNCTION articles_search_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.excerpt, '') || ' ' ||
      coalesce((SELECT string_agg(t, ' ') FROM jsonb_array_elements_text(NEW.tags) AS t), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER articles_search_trigger BEFORE INSERT OR UPDATE ON articles
  FOR EACH ROW EXECUTE FUNCTION articles_search_update();
