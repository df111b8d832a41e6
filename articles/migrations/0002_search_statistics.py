"""Planner statistics for the search column.

With the default statistics target every bigram outside the 1,000 most common is estimated
at the same frequency, and the planner walks the date index for rare names (seconds instead
of milliseconds at a million rows). A larger target keeps rare terms on the bitmap plan.
"""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS 3000",
            "ALTER TABLE articles_article ALTER COLUMN search_vector SET STATISTICS -1",
        ),
    ]
