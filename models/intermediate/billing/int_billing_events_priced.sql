-- one row per billing event up to the as-of date: the subscription state it sets, its MRR
-- in reporting currency, and the MRR it replaced
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

billing_events as (
    select events.*
    from events
    cross join bounds
    where
        events.event_category = 'billing'
        and events.occurred_date <= bounds.as_of_date
),

priced as (
    -- started, changed and renewed state the subscription; cancelled and trials pay nothing
    select
        account_id,
        event_id,
        event_name,
        occurred_at,
        occurred_date,
        loaded_at,
        case
            when
                event_name in (
                    'subscription_started', 'subscription_changed', 'subscription_renewed'
                )
                then cast(
                    amount * usd_per_unit / case when billing_interval = 'year' then 12 else 1 end
                    as {{ type_money() }}
                )
            else cast(0 as {{ type_money() }})
        end as mrr,
        case when event_name != 'subscription_cancelled' then plan end as plan,
        billing_interval,
        seats,
        current_period_end,
        trial_end,
        case
            when event_name = 'subscription_cancelled'
                then coalesce(lower(trim(cancellation_reason)), 'not_given')
        end as cancellation_reason
    from billing_events
),

sequenced as (
    select
        *,
        cast(
            coalesce(lag(mrr) over (partition by account_id order by occurred_at, event_id), 0)
            as {{ type_money() }}
        ) as previous_mrr,
        -- the last event of an account's day sets its state at the end of that day
        row_number() over (
            partition by account_id, occurred_date order by occurred_at desc, event_id desc
        ) = 1 as is_last_of_day
    from priced
)

select * from sequenced
