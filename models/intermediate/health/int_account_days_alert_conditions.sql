-- one row per external account per day: the conditions the day-based alerts watch
-- (health band, days without activity, seat use, an annual renewal ahead), the day
-- before's, and whether the account crossed into each condition that day
with

health_days as (
    select * from {{ ref('int_account_days_health_scored') }}
),

conditions as (
    select
        account_id,
        date_day,
        segment,
        csm_owner,
        mrr,
        is_paying,
        health_score,
        health_band,
        active_users_28,
        seats,
        billing_interval,
        current_period_end,
        days_since_last_activity is null as is_never_active,
        -- days without activity; an account never active counts from its sign-up day
        coalesce(
            days_since_last_activity,
            {{ dbt.datediff(
                'min(date_day) over (partition by account_id)', 'date_day', 'day'
            ) }}
        ) as days_inactive,
        coalesce(is_paying and seats > 0 and 2 * active_users_28 < seats, false)
            as is_seats_underused,
        -- a paying annual contract ending within var alert_renewal_days, health not green
        coalesce(
            is_paying
            and billing_interval = 'year'
            and current_period_end >= date_day
            and current_period_end
            <= cast({{ dbt.dateadd('day', var('alert_renewal_days'), 'date_day') }} as date)
            and health_band != 'green',
            false
        ) as is_renewal_at_risk
    from health_days
),

with_day_before as (
    select
        *,
        lag(health_score) over (partition by account_id order by date_day)
            as previous_health_score,
        lag(health_band) over (partition by account_id order by date_day)
            as previous_health_band,
        lag(is_seats_underused) over (partition by account_id order by date_day)
            as was_seats_underused,
        lag(is_renewal_at_risk) over (partition by account_id order by date_day)
            as was_renewal_at_risk
    from conditions
),

final as (
    -- the first day of an account has no day before: a condition true then is a crossing
    select
        *,
        is_paying and health_band = 'red' and coalesce(previous_health_band, 'none') != 'red'
            as has_turned_red,
        days_inactive = {{ var('alert_inactive_days') }} as has_gone_quiet,
        is_seats_underused and not coalesce(was_seats_underused, false)
            as has_started_underusing_seats,
        is_renewal_at_risk and not coalesce(was_renewal_at_risk, false)
            as has_renewal_turned_at_risk
    from with_day_before
)

select * from final
