-- depends_on: {{ ref('stg_raw__accounts') }}
-- one row per account per day, from sign-up to the as-of date: the customer-day facts
-- (billing state, activity, feature use, sentiment, success touches, events by
-- category) every later KPI starts from.
-- Incremental: recomputes every day from the earliest day touched by events loaded since
-- its newest last_loaded_at (less the lookback), by survey answers of the lookback, or
-- new since its last day; earlier days are kept, and the day before carries the
-- days-since counters over.
{{ config(**incremental_by_day()) }}

with

all_account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

all_event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

all_user_days as (
    select * from {{ ref('int_user_days_active') }}
),

all_feature_days as (
    select * from {{ ref('int_account_feature_days') }}
),

survey_responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

{% if is_incremental() %}

signups as (
    select * from {{ ref('stg_raw__accounts') }}
),

event_day_loads as (
    -- the same table as all_event_days, read apart from the days to compute so the
    -- engine need not materialise all of it for two readers
    select * from {{ ref('int_event_days_counted') }}
),

refresh as (
    -- one row: the first day this run recomputes
    {{ refresh_from_day('event_day_loads', 'survey_responses', 'signups') }}
),

carried as (
    -- the kept day before the recomputed ones: its last active and last touch days
    select
        kept.account_id,
        cast({{ dbt.dateadd('day', '-1 * kept.days_since_last_activity', 'kept.date_day') }}
            as date) as last_active_day,
        cast({{ dbt.dateadd('day', '-1 * kept.days_since_last_success_touch', 'kept.date_day') }}
            as date) as last_touch_day
    from {{ this }} as kept
    inner join refresh
        on kept.date_day = cast({{ dbt.dateadd('day', -1, 'refresh.from_day') }} as date)
),

{% endif %}

account_days as (
    select * from all_account_days {{ since_refresh() }}
),

event_days as (
    select * from all_event_days {{ since_refresh() }}
),

user_days as (
    select * from all_user_days {{ since_refresh() }}
),

feature_days as (
    select * from all_feature_days {{ since_refresh() }}
),

{%- set categories = ['product', 'onboarding', 'billing', 'support', 'self_help', 'email',
                      'success', 'feedback', 'error', 'growth'] %}

event_counts as (
    select
        account_id,
        date_day,
        {% for category in categories -%}
            sum(case when event_category = '{{ category }}' then events else 0 end)
                as {{ category }}_events,
        {% endfor -%}
        sum(events) as all_events,
        -- completed success-team meetings (QBRs, check-ins, trainings)
        sum(case when event_name = 'csm_meeting_completed' then events else 0 end)
            as success_touches,
        max(last_loaded_at) as last_loaded_at
    from event_days
    group by account_id, date_day
),

active_user_counts as (
    select
        account_id,
        date_day,
        count(*) as active_users
    from user_days
    group by account_id, date_day
),

used_feature_counts as (
    select
        account_id,
        date_day,
        count(*) as features_used
    from feature_days
    where uses > 0
    group by account_id, date_day
),

nps_states as (
    -- the latest NPS answer holds from its day until the next day with an answer
    select
        account_id,
        responded_date as valid_from,
        coalesce(
            cast({{ dbt.dateadd(
                'day', -1,
                'lead(responded_date) over (partition by account_id order by responded_date)'
            ) }} as date),
            cast('9999-12-31' as date)
        ) as valid_to,
        score_group as nps_group
    from (
        select
            account_id,
            responded_date,
            score_group,
            row_number() over (
                partition by account_id, responded_date
                order by responded_at desc, response_id desc
            ) as recency
        from survey_responses
        where survey_type = 'nps'
    ) as daily_answers
    where recency = 1
),

daily_open_tickets as (
    -- tickets opened by the end of the day and not resolved by then
    select
        account_days.account_id,
        account_days.date_day,
        count(*) as open_tickets
    from account_days
    inner join tickets
        on
            account_days.account_id = tickets.account_id
            and account_days.date_day >= tickets.opened_date
            and (tickets.resolved_date is null or account_days.date_day < tickets.resolved_date)
    group by account_days.account_id, account_days.date_day
),

joined as (
    select
        account_days.account_id,
        account_days.date_day,
        cast({{ dbt.date_trunc('month', 'account_days.date_day') }} as date) as month,
        account_days.mrr,
        account_days.is_paying,
        account_days.plan,
        account_days.billing_interval,
        account_days.seats,
        account_days.current_period_end,
        {% for category in categories -%}
            coalesce(event_counts.{{ category }}_events, 0) as {{ category }}_events,
        {% endfor -%}
        coalesce(active_user_counts.active_users, 0) as active_users,
        coalesce(active_user_counts.active_users, 0) > 0 as is_active,
        coalesce(used_feature_counts.features_used, 0) as features_used,
        nps_states.nps_group as latest_nps_group,
        coalesce(event_counts.success_touches, 0) as success_touches,
        coalesce(daily_open_tickets.open_tickets, 0) as open_tickets,
        event_counts.last_loaded_at
    from account_days
    left join event_counts
        on
            account_days.account_id = event_counts.account_id
            and account_days.date_day = event_counts.date_day
    left join active_user_counts
        on
            account_days.account_id = active_user_counts.account_id
            and account_days.date_day = active_user_counts.date_day
    left join used_feature_counts
        on
            account_days.account_id = used_feature_counts.account_id
            and account_days.date_day = used_feature_counts.date_day
    left join nps_states
        on
            account_days.account_id = nps_states.account_id
            and account_days.date_day between nps_states.valid_from and nps_states.valid_to
    left join daily_open_tickets
        on
            account_days.account_id = daily_open_tickets.account_id
            and account_days.date_day = daily_open_tickets.date_day
),

{%- set carried_active = 'carried.last_active_day' if is_incremental() else 'null' %}
{%- set carried_touch = 'carried.last_touch_day' if is_incremental() else 'null' %}

final as (
    select
        joined.*,
        -- 0 on an active day; null until the account's first active day
        {{ dbt.datediff(
            'coalesce(max(case when joined.is_active then joined.date_day end) over ('
            ~ 'partition by joined.account_id order by joined.date_day '
            ~ 'rows unbounded preceding), ' ~ carried_active ~ ')',
            'joined.date_day',
            'day'
        ) }} as days_since_last_activity,
        -- 0 on a day with a completed success meeting; null until the first
        {{ dbt.datediff(
            'coalesce(max(case when joined.success_touches > 0 then joined.date_day end) over ('
            ~ 'partition by joined.account_id order by joined.date_day '
            ~ 'rows unbounded preceding), ' ~ carried_touch ~ ')',
            'joined.date_day',
            'day'
        ) }} as days_since_last_success_touch
    from joined
    {% if is_incremental() %}
    left join carried
        on joined.account_id = carried.account_id
    {% endif %}
)

select * from final
