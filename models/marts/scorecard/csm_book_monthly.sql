-- one row per month per success manager (csm_owner; accounts without one form the row
-- null): the book of business a CSM is held to. Its KPIs are the csm_owner slice of
-- kpi_sliced_monthly; the accounts, band shares and alerts are counted here. Ownership is
-- the account row's csm_owner for every month (no history of ownership).
{%- set book_kpis = [
    'mrr', 'paying_accounts', 'at_risk_mrr', 'grr', 'nrr', 'logo_churn_rate', 'renewal_rate',
    'qbr_completion_rate', 'check_ins_per_account', 'healthy_account_share',
] %}
with

sliced as (
    select * from {{ ref('kpi_sliced_monthly') }}
),

accounts as (
    select * from {{ ref('dim_accounts') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

health_months as (
    select * from {{ ref('health_account_monthly') }}
),

alerts as (
    select * from {{ ref('alerts_daily') }}
),

book_kpis as (
    select
        {% for kpi in book_kpis -%}
            max(case when kpi = {{ sql_string(kpi) }} then value end) as {{ kpi }},
        {% endfor -%}
        month,
        slice_value as csm_owner
    from sliced
    where slice = 'csm_owner'
    group by month, slice_value
),

book_accounts as (
    -- external accounts signed up by the month's end
    select
        report_months.month,
        accounts.csm_owner,
        count(*) as accounts
    from accounts
    inner join accounts_segmented
        on
            accounts.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on cast(accounts.created_at as date) <= report_months.month_end_date
    group by report_months.month, accounts.csm_owner
),

book_bands as (
    select
        health_months.month,
        accounts.csm_owner,
        sum(health_months.health_paying_accounts) as health_paying_accounts,
        sum(health_months.yellow_accounts) as yellow_accounts,
        sum(health_months.red_accounts) as red_accounts
    from health_months
    inner join accounts
        on health_months.account_id = accounts.account_id
    group by health_months.month, accounts.csm_owner
),

book_alerts as (
    select
        cast({{ dbt.date_trunc('month', 'alert_date') }} as date) as month,
        csm_owner,
        count(*) as alerts_raised,
        count(distinct account_id) as accounts_alerted
    from alerts
    group by cast({{ dbt.date_trunc('month', 'alert_date') }} as date), csm_owner
),

final as (
    select
        book_kpis.month,
        cast(book_kpis.csm_owner as {{ dbt.type_string() }}) as csm_owner,
        report_months.is_complete_period,
        cast(coalesce(book_accounts.accounts, 0) as {{ dbt.type_bigint() }}) as accounts,
        cast(book_kpis.paying_accounts as {{ dbt.type_bigint() }}) as paying_accounts,
        cast(book_kpis.mrr as {{ type_money() }}) as mrr,
        book_kpis.grr,
        book_kpis.nrr,
        book_kpis.logo_churn_rate,
        book_kpis.renewal_rate,
        book_kpis.qbr_completion_rate,
        book_kpis.check_ins_per_account,
        book_kpis.healthy_account_share,
        {{ safe_ratio('book_bands.yellow_accounts', 'book_bands.health_paying_accounts') }}
            as yellow_account_share,
        {{ safe_ratio('book_bands.red_accounts', 'book_bands.health_paying_accounts') }}
            as red_account_share,
        cast(book_kpis.at_risk_mrr as {{ type_money() }}) as at_risk_mrr,
        cast(coalesce(book_alerts.alerts_raised, 0) as {{ dbt.type_bigint() }}) as alerts_raised,
        cast(coalesce(book_alerts.accounts_alerted, 0) as {{ dbt.type_bigint() }})
            as accounts_alerted
    from book_kpis
    inner join report_months
        on book_kpis.month = report_months.month
    left join book_accounts
        on
            book_kpis.month = book_accounts.month
            and (
                book_kpis.csm_owner = book_accounts.csm_owner
                or (book_kpis.csm_owner is null and book_accounts.csm_owner is null)
            )
    left join book_bands
        on
            book_kpis.month = book_bands.month
            and (
                book_kpis.csm_owner = book_bands.csm_owner
                or (book_kpis.csm_owner is null and book_bands.csm_owner is null)
            )
    left join book_alerts
        on
            book_kpis.month = book_alerts.month
            and (
                book_kpis.csm_owner = book_alerts.csm_owner
                or (book_kpis.csm_owner is null and book_alerts.csm_owner is null)
            )
)

select * from final
