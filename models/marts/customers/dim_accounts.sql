-- one row per clean account: who it is (segment, success manager, industry, region, the
-- pass-through columns of the raw accounts (var account_passthrough_columns) as text,
-- sign-up, referrer), and its subscription on the as-of date
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

referrals as (
    select * from {{ ref('int_accounts_referred') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

billed_days as (
    select * from {{ ref('int_account_days_billed') }}
),

subscriptions_on_as_of_date as (
    select
        billed_days.account_id,
        billed_days.is_paying,
        billed_days.plan,
        billed_days.billing_interval,
        billed_days.seats,
        billed_days.mrr
    from billed_days
    inner join bounds
        on billed_days.date_day = bounds.as_of_date
),

final as (
    select
        accounts.account_id,
        accounts.account_name,
        accounts.segment,
        accounts.csm_owner,
        accounts.industry,
        accounts.region,
        {%- for column in account_passthrough_columns() %}
        accounts.{{ column }},
        {%- endfor %}
        accounts.created_at,
        referrals.signup_month,
        accounts.referred_by_account_id,
        referrals.is_referred_by_known_account,
        accounts.is_internal,
        bounds.as_of_date,
        coalesce(subscriptions_on_as_of_date.is_paying, false) as is_paying,
        subscriptions_on_as_of_date.plan as current_plan,
        subscriptions_on_as_of_date.billing_interval as current_billing_interval,
        subscriptions_on_as_of_date.seats as current_seats,
        coalesce(subscriptions_on_as_of_date.mrr, cast(0 as {{ type_money() }})) as current_mrr
    from accounts
    cross join bounds
    left join referrals
        on accounts.account_id = referrals.account_id
    left join subscriptions_on_as_of_date
        on accounts.account_id = subscriptions_on_as_of_date.account_id
)

select * from final
