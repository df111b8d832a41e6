"""The change log that keeps the search index beside PostgreSQL in step (articles/search/sync.py).

Statement-level triggers with transition tables: a bulk insert of 10,000 articles adds its
10,000 ids in one INSERT … SELECT instead of 10,000 trigger calls.
"""
from django.db import migrations, models

_FUNCTIONS = """
CREATE FUNCTION articles_search_change_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_searchchange (article_id) SELECT id FROM new_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION articles_search_change_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_searchchange (article_id) SELECT id FROM old_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION articles_search_mention_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_searchchange (article_id) SELECT DISTINCT article_id FROM new_rows;
    RETURN NULL;
END $$;
CREATE FUNCTION articles_search_mention_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO articles_searchchange (article_id) SELECT DISTINCT article_id FROM old_rows;
    RETURN NULL;
END $$;
CREATE TRIGGER article_search_insert AFTER INSERT ON articles_article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_change_new();
CREATE TRIGGER article_search_update AFTER UPDATE ON articles_article
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_change_new();
CREATE TRIGGER article_search_delete AFTER DELETE ON articles_article
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_change_old();
CREATE TRIGGER mention_search_insert AFTER INSERT ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_mention_new();
CREATE TRIGGER mention_search_update AFTER UPDATE ON articles_mention
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_mention_new();
CREATE TRIGGER mention_search_delete AFTER DELETE ON articles_mention
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION articles_search_mention_old();
"""

_DROP = """
DROP TRIGGER IF EXISTS article_search_insert ON articles_article;
DROP TRIGGER IF EXISTS article_search_update ON articles_article;
DROP TRIGGER IF EXISTS article_search_delete ON articles_article;
DROP TRIGGER IF EXISTS mention_search_insert ON articles_mention;
DROP TRIGGER IF EXISTS mention_search_update ON articles_mention;
DROP TRIGGER IF EXISTS mention_search_delete ON articles_mention;
DROP FUNCTION IF EXISTS articles_search_change_new(), articles_search_change_old(),
    articles_search_mention_new(), articles_search_mention_old();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0009_background_queue"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("article_id", models.BigIntegerField()),
            ],
            options={"default_permissions": ()},
        ),
        migrations.RunSQL(_FUNCTIONS, _DROP),
    ]
