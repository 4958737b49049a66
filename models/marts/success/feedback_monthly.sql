-- one row per month per segment per feedback kind with feedback submitted
with

feedback as (
    select * from {{ ref('int_feedback_items') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

final as (
    select
        cast(feedback.month as date) as month,
        cast(accounts_segmented.reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(feedback.feedback_kind as {{ dbt.type_string() }}) as feedback_kind,
        report_months.is_complete_period,
        cast(count(*) as {{ dbt.type_bigint() }}) as feedback_items,
        cast(count(distinct feedback.account_id) as {{ dbt.type_bigint() }}) as accounts
    from feedback
    inner join accounts_segmented
        on feedback.account_id = accounts_segmented.account_id
    inner join report_months
        on feedback.month = report_months.month
    group by
        feedback.month,
        accounts_segmented.reporting_segment,
        feedback.feedback_kind,
        report_months.is_complete_period
)

select * from final
