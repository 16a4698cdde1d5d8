"""The checks read their frames through Arrow (orchestration/quality/findings.py, query_frame): the same values and
dtypes as DuckDB's `.df()`, which GX and the findings were written against, for every type the suites read."""

import duckdb
import pandas as pd
import pytest

from orchestration.quality.checks import SUITES
from orchestration.quality.findings import query_frame

# every type, with and without nulls, and a column that is null in every row
TYPES = """
select i, i::int as int_f, case when i % 2 = 0 then i end::int as int_n,
    case when i % 2 = 0 then i end::tinyint as tiny_n,
    case when i % 2 = 0 then i end::ubigint as ubig_n, case when i % 2 = 0 then i end::bigint as big_n,
    i > 1 as bool_f, case when i % 2 = 0 then i > 1 end as bool_n,
    date '2020-01-01' + i::int as date_f, case when i % 2 = 0 then date '2020-01-01' + i::int end as date_n,
    timestamp '2020-01-01' + to_days(i::int) as ts_f, case when i % 2 = 0 then timestamp '2020-01-01' end as ts_n,
    'x' || i as str_f, case when i % 2 = 0 then 'x' || i end as str_n, null::varchar as str_null,
    [i::varchar] as list_f, case when i % 2 = 0 then [i::varchar] end as list_n,
    i / 3 as dbl, i::decimal(10, 2) as dec_f, case when i % 2 = 0 then i::decimal(10, 2) end as dec_n,
    null::int as int_null
from range(5) t(i)
"""


@pytest.mark.parametrize("wrap", ["{q}", "select * from ({q}) where false", "select * from ({q}) where i = 1"])
def test_the_frame_of_every_type_is_the_one_df_gives(wrap):
    query = wrap.format(q=TYPES)
    with duckdb.connect() as con:
        pd.testing.assert_frame_equal(query_frame(con, query), con.execute(query).df(), check_dtype=True)


def test_the_suites_frames_on_a_built_warehouse_are_the_ones_df_gives(built_warehouse):
    with duckdb.connect(str(built_warehouse.warehouse), read_only=True) as con:
        for suite in SUITES:
            query = suite.module.VALIDITY_QUERY if suite.validity else suite.module.QUERY
            frame = query_frame(con, query)
            assert len(frame) > 0, suite.name
            pd.testing.assert_frame_equal(frame, con.execute(query).df(), check_dtype=True, obj=suite.name)
