-- Users active on a day are active in the 7 days ending that day: dau <= wau, every
-- month and segment (a tiny tolerance for floating-point means).
select *
from {{ ref('engagement_monthly') }}
where dau > wau + 1e-9
