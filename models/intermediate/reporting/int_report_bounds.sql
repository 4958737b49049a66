-- one row: the as-of date every KPI stops at, and the first day with any customer data.
-- Only external accounts count: an internal account's sign-up or event moves neither bound.
-- Every KPI reads this model, and it reads the quarantine check, so no mart is built from
-- an export that failed the check.
-- depends_on: {{ ref('stg_raw__quarantine_checked') }}
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

events as (
    select * from {{ ref('stg_raw__events') }}
),

external_accounts as (
    select * from accounts
    where not is_internal
),

latest_event as (
    select max(events.occurred_date) as latest_event_date
    from events
    inner join external_accounts
        on events.account_id = external_accounts.account_id
),

first_signup as (
    select
        min(created_date) as first_signup_date,
        max(created_date) as last_signup_date
    from external_accounts
),

final as (
    select
        first_signup.first_signup_date as first_date,
        {%- set as_of_date = date_var('as_of_date') %}
        {%- if as_of_date %}
        cast({{ sql_string(as_of_date) }} as date) as as_of_date
        {%- else %}
            coalesce(latest_event.latest_event_date, first_signup.last_signup_date) as as_of_date
        {%- endif %}
    from first_signup
    cross join latest_event
)

select * from final
