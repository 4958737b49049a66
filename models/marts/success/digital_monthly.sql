-- one row per month per segment: e-mail opens and clicks of the month's sends, and
-- feedback items submitted, with the share that has detail
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

messages as (
    select * from {{ ref('int_email_messages') }}
),

feedback as (
    select * from {{ ref('int_feedback_items') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

texts as (
    select * from {{ ref('int_customer_texts_scored') }}
),

emails as (
    select
        messages.sent_month as month,
        accounts_segmented.reporting_segment,
        count(*) as emails_sent,
        sum(case when messages.is_opened then 1 else 0 end) as emails_opened,
        sum(case when messages.is_clicked then 1 else 0 end) as emails_clicked
    from messages
    inner join accounts_segmented
        on messages.account_id = accounts_segmented.account_id
    group by messages.sent_month, accounts_segmented.reporting_segment
),

feedback_counts as (
    -- detail: a text of at least var feedback_detail_min_words words (as the sentiment
    -- score counts them), or a catalogue feature named
    select
        feedback.month,
        accounts_segmented.reporting_segment,
        count(*) as feedback_items,
        sum(
            case
                when
                    feedback.names_catalogue_feature
                    or texts.words >= {{ number_var('feedback_detail_min_words') }}
                    then 1
                else 0
            end
        ) as detailed_feedback_items
    from feedback
    inner join accounts_segmented
        on feedback.account_id = accounts_segmented.account_id
    left join texts
        on
            texts.source = 'feedback'
            and feedback.event_id = texts.source_id
    group by feedback.month, accounts_segmented.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        cast(coalesce(emails.emails_sent, 0) as {{ dbt.type_bigint() }}) as emails_sent,
        cast(coalesce(emails.emails_opened, 0) as {{ dbt.type_bigint() }}) as emails_opened,
        cast(coalesce(emails.emails_clicked, 0) as {{ dbt.type_bigint() }}) as emails_clicked,
        {{ safe_ratio('emails.emails_opened', 'emails.emails_sent') }} as email_open_rate,
        {{ safe_ratio('emails.emails_clicked', 'emails.emails_sent') }} as email_click_rate,
        cast(coalesce(feedback_counts.feedback_items, 0) as {{ dbt.type_bigint() }})
            as feedback_items,
        cast(coalesce(feedback_counts.detailed_feedback_items, 0) as {{ dbt.type_bigint() }})
            as detailed_feedback_items,
        {{ safe_ratio(
            'feedback_counts.detailed_feedback_items', 'feedback_counts.feedback_items'
        ) }} as feedback_with_detail_share
    from month_segments
    left join emails
        on
            month_segments.month = emails.month
            and month_segments.reporting_segment = emails.reporting_segment
    left join feedback_counts
        on
            month_segments.month = feedback_counts.month
            and month_segments.reporting_segment = feedback_counts.reporting_segment
)

select * from final
