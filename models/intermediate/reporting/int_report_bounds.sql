-- one row: the as-of date every KPI stops at, and the first day with any customer data
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

events as (
    select * from {{ ref('stg_raw__events') }}
),

latest_event as (
    select max(occurred_date) as latest_event_date
    from events
),

first_signup as (
    select
        min(created_date) as first_signup_date,
        max(created_date) as last_signup_date
    from accounts
    where not is_internal
),

final as (
    select
        first_signup.first_signup_date as first_date,
        {%- if var('as_of_date') %}
        cast('{{ var("as_of_date") }}' as date) as as_of_date
        {%- else %}
            coalesce(latest_event.latest_event_date, first_signup.last_signup_date) as as_of_date
        {%- endif %}
    from first_signup
    cross join latest_event
)

select * from final
