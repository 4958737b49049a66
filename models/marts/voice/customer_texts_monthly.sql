-- one row per month per segment per channel: an 'all' channel row for every month and
-- segment, and a row per channel (survey, feedback, ticket, email, call, chat, meeting)
-- with texts. The customer texts written in the month, their mean sentiment score and the
-- share that is negative (see the text_sentiment doc block).
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

texts as (
    select * from {{ ref('int_customer_texts_scored') }}
),

segmented_texts as (
    select
        texts.written_month as month,
        accounts_segmented.reporting_segment,
        texts.channel,
        texts.sentiment_score,
        texts.is_negative
    from texts
    inner join accounts_segmented
        on texts.account_id = accounts_segmented.account_id
),

by_channel as (
    select
        month,
        reporting_segment,
        channel,
        count(*) as texts,
        sum(case when is_negative then 1 else 0 end) as negative_texts,
        sum(sentiment_score) as sentiment_sum
    from segmented_texts
    group by month, reporting_segment, channel
),

all_channels as (
    select
        month_segments.month,
        month_segments.reporting_segment,
        'all' as channel,
        coalesce(sum(by_channel.texts), 0) as texts,
        coalesce(sum(by_channel.negative_texts), 0) as negative_texts,
        coalesce(sum(by_channel.sentiment_sum), 0) as sentiment_sum
    from month_segments
    left join by_channel
        on
            month_segments.month = by_channel.month
            and month_segments.reporting_segment = by_channel.reporting_segment
    group by month_segments.month, month_segments.reporting_segment
),

channels as (
    select * from all_channels
    union all
    select * from by_channel
),

final as (
    select
        cast(channels.month as date) as month,
        cast(channels.reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(channels.channel as {{ dbt.type_string() }}) as channel,
        month_segments.is_complete_period,
        cast(channels.texts as {{ dbt.type_bigint() }}) as texts,
        cast(channels.negative_texts as {{ dbt.type_bigint() }}) as negative_texts,
        cast(channels.sentiment_sum as {{ type_double() }}) as sentiment_sum,
        {{ safe_ratio('channels.sentiment_sum', 'channels.texts') }} as text_sentiment,
        {{ safe_ratio('channels.negative_texts', 'channels.texts') }} as negative_text_share
    from channels
    -- the reported months only
    inner join month_segments
        on
            channels.month = month_segments.month
            and channels.reporting_segment = month_segments.reporting_segment
)

select * from final
