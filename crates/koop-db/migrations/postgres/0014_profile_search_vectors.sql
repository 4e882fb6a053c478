-- The marketplace's full-text search reads stored vectors instead of building two per
-- profile for every search: one in the `simple` configuration (any script, case
-- folded), one stemmed in the profile's own language.
ALTER TABLE profile ADD COLUMN search_simple tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, title || ' ' || summary || ' ' || description || ' ' || keywords)
) STORED;
ALTER TABLE profile ADD COLUMN search_stemmed tsvector GENERATED ALWAYS AS (
    to_tsvector(
        CASE language
            WHEN 'de' THEN 'german'::regconfig
            WHEN 'en' THEN 'english'::regconfig
            WHEN 'ru' THEN 'russian'::regconfig
            WHEN 'fr' THEN 'french'::regconfig
            ELSE 'simple'::regconfig
        END,
        title || ' ' || summary || ' ' || description || ' ' || keywords)
) STORED;
