{{ config(severity='warn') }}
-- wau <= mau holds for months whose users are not mostly active just before them; the
-- spec's wau reaches 6 days into the month before, so it can exceed mau (DECISIONLOG).
-- A warning, not an error: a true wau above mau is no bad data.
select *
from {{ ref('engagement_monthly') }}
where wau > mau + 1e-9
