-- one row per account per day, from sign-up to the as-of date: the subscription state at
-- the end of the day (MRR, plan, interval, seats, current_period_end).
-- Incremental: recomputes every day from the earliest day of billing events loaded since
-- its newest last_loaded_at (less the lookback), or of recent sign-ups.
{{ config(**incremental_by_day()) }}

with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

days as (
    {{ date_series('(select min(created_date) from accounts)', '(select as_of_date from bounds)') }}
),

{% if is_incremental() %}

refresh as (
    -- one row: the first day this run recomputes
    {{ refresh_from_day('billing_events', accounts='accounts', date_column='occurred_date',
                        loaded_column='loaded_at') }}
),

{% endif %}

account_days as (
    select
        accounts.account_id,
        days.date_day
    from accounts
    cross join bounds
    inner join days
        on days.date_day between accounts.created_date and bounds.as_of_date
    {% if is_incremental() %}
        where days.date_day >= (select refresh.from_day from refresh)
    {% endif %}
),

day_loads as (
    -- the newest load time of an account's billing events of a day (the watermark)
    select
        account_id,
        occurred_date as date_day,
        max(loaded_at) as last_loaded_at
    from billing_events
    group by account_id, occurred_date
),

day_states as (
    -- the state at the end of each day with billing events, valid until the next such day
    select
        account_id,
        occurred_date as valid_from,
        coalesce(
            cast({{ dbt.dateadd(
                'day', -1,
                'lead(occurred_date) over (partition by account_id order by occurred_date)'
            ) }} as date),
            cast('9999-12-31' as date)
        ) as valid_to,
        mrr,
        plan,
        billing_interval,
        seats,
        current_period_end
    from billing_events
    where is_last_of_day
),

carried as (
    -- states set before sign-up carry into the first days
    select
        account_days.account_id,
        account_days.date_day,
        coalesce(day_states.mrr, cast(0 as {{ type_money() }})) as mrr,
        day_states.plan,
        day_states.billing_interval,
        day_states.seats,
        day_states.current_period_end
    from account_days
    left join day_states
        on
            account_days.account_id = day_states.account_id
            and account_days.date_day between day_states.valid_from and day_states.valid_to
),

final as (
    select
        carried.*,
        carried.mrr > 0 as is_paying,
        day_loads.last_loaded_at
    from carried
    left join day_loads
        on
            carried.account_id = day_loads.account_id
            and carried.date_day = day_loads.date_day
)

select * from final
