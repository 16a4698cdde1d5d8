"""Great Expectations suites as code, one module per checked table, validating DataFrames."""
