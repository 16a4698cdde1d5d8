"""Full-text search over the warehouse's paragraphs (DuckDB fts, installed offline) and the SQL prompt."""
