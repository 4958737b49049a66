-- one row per month per segment: surveys sent and the share answered by the as-of date
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

sent as (
    select * from {{ ref('int_surveys_sent') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

sent_by_month as (
    select
        sent.sent_month as month,
        accounts_segmented.reporting_segment,
        count(*) as surveys_sent,
        sum(case when sent.is_answered then 1 else 0 end) as surveys_answered
    from sent
    inner join accounts_segmented
        on sent.account_id = accounts_segmented.account_id
    group by sent.sent_month, accounts_segmented.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        cast(coalesce(sent_by_month.surveys_sent, 0) as {{ dbt.type_bigint() }}) as surveys_sent,
        cast(coalesce(sent_by_month.surveys_answered, 0) as {{ dbt.type_bigint() }})
            as surveys_answered,
        {{ safe_ratio('sent_by_month.surveys_answered', 'sent_by_month.surveys_sent') }}
            as survey_response_rate
    from month_segments
    left join sent_by_month
        on
            month_segments.month = sent_by_month.month
            and month_segments.reporting_segment = sent_by_month.reporting_segment
)

select * from final
