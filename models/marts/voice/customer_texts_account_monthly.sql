-- one row per external account and month with customer texts: how many, how many are
-- negative and the sum of their sentiment scores (int_customer_texts_scored), whose ratio
-- is the month's text sentiment; the sliced scorecard and the semantic layer add them up
-- per any account dimension
with

texts as (
    select * from {{ ref('int_customer_texts_scored') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

final as (
    select
        cast(texts.account_id as {{ dbt.type_string() }}) as account_id,
        cast(texts.written_month as date) as month,
        report_months.is_complete_period,
        cast(count(*) as {{ dbt.type_bigint() }}) as texts,
        cast(sum(case when texts.is_negative then 1 else 0 end) as {{ dbt.type_bigint() }})
            as negative_texts,
        cast(sum(texts.sentiment_score) as {{ type_double() }}) as sentiment_sum
    from texts
    inner join accounts_segmented
        on
            texts.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on texts.written_month = report_months.month
    group by texts.account_id, texts.written_month, report_months.is_complete_period
)

select * from final
