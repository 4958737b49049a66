-- An onboarding funnel never widens: each step's reached accounts are at most the step
-- before's, in every cohort month and segment.
select *
from {{ ref('onboarding_funnel_monthly') }}
where accounts_reached > previous_step_accounts
