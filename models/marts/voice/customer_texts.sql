-- one row per customer text (survey comments, feedback, ticket texts, inbound
-- conversation messages) with its sentiment score, ready for a success team to read
with

texts as (
    select * from {{ ref('int_customer_texts_scored') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

final as (
    select
        cast(texts.text_id as {{ dbt.type_string() }}) as text_id,
        cast(texts.source as {{ dbt.type_string() }}) as source,
        cast(texts.source_id as {{ dbt.type_string() }}) as source_id,
        cast(texts.written_at as timestamp) as written_at,
        cast(texts.written_month as date) as month,
        cast(texts.account_id as {{ dbt.type_string() }}) as account_id,
        cast(accounts.account_name as {{ dbt.type_string() }}) as account_name,
        cast(accounts.segment as {{ dbt.type_string() }}) as segment,
        cast(accounts.csm_owner as {{ dbt.type_string() }}) as csm_owner,
        cast(texts.user_id as {{ dbt.type_string() }}) as user_id,
        cast(texts.channel as {{ dbt.type_string() }}) as channel,
        cast(texts.customer_text as {{ dbt.type_string() }}) as customer_text,
        cast(texts.words as {{ dbt.type_int() }}) as words,
        cast(texts.sentiment_score as {{ type_double() }}) as sentiment_score,
        texts.is_negative
    from texts
    inner join accounts
        on texts.account_id = accounts.account_id
)

select * from final
