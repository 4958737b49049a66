-- one row per customer text (int_customer_texts) with its words, its sentiment score
-- in [-1, 1] and whether it is negative (below var negative_text_threshold). The score
-- comes from the seed sentiment_lexicon (the VADER lexicon's word valences, -4..4) with
-- the rules of the text_sentiment doc block:
--   a word's valence, moved 0.293 further from zero for each intensifier among the three
--   words before it (0.95 and 0.9 of that for the second and third) and towards zero for
--   each dampener; times -0.74 when a negation is among the three words before it; times
--   0.5 before the text's first "but" and 1.5 after it. Modifiers carry no valence of
--   their own. The sum s of the text's valences becomes s / sqrt(s * s + 15).
with

texts as (
    select * from {{ ref('int_customer_texts') }}
),

lexicon as (
    select * from {{ ref('sentiment_lexicon') }}
),

modifiers as (
    select * from {{ ref('sentiment_modifiers') }}
),

tokens as (
    {{ text_tokens('texts', 'text_id', 'customer_text') }}
),

marked as (
    -- each word with its own valence and what it does to the words after it
    select
        tokens.text_id,
        tokens.token_position,
        tokens.token,
        case when modifiers.modifier is null then lexicon.valence end as valence,
        case when modifiers.modifier = 'negation' then 1 else 0 end as is_negation,
        case modifiers.modifier
            when 'intensifier' then 0.293
            when 'dampener' then -0.293
            else 0.0
        end as boost
    from tokens
    left join lexicon
        on tokens.token = lexicon.token
    left join modifiers
        on tokens.token = modifiers.token
    where tokens.token != ''
),

in_context as (
    -- the three words before each word, and where the text's first "but" is
    select
        text_id,
        token_position,
        valence,
        lag(is_negation, 1, 0) over (partition by text_id order by token_position)
        + lag(is_negation, 2, 0) over (partition by text_id order by token_position)
        + lag(is_negation, 3, 0) over (partition by text_id order by token_position)
            as negations_before,
        lag(boost, 1, 0.0) over (partition by text_id order by token_position)
        + 0.95 * lag(boost, 2, 0.0) over (partition by text_id order by token_position)
        + 0.9 * lag(boost, 3, 0.0) over (partition by text_id order by token_position)
            as boost_before,
        min(case when token = 'but' then token_position end)
            over (partition by text_id) as first_but_position
    from marked
),

weighed as (
    select
        text_id,
        token_position,
        (
            valence + case when valence < 0 then -boost_before else boost_before end
        )
        * case when negations_before > 0 then -0.74 else 1 end
        * case
            when token_position < first_but_position then 0.5
            when token_position > first_but_position then 1.5
            else 1
        end as weighed_valence
    from in_context
    where valence is not null
),

per_text as (
    select
        marked.text_id,
        count(*) as words,
        coalesce(sum(weighed.weighed_valence), 0) as valence_sum
    from marked
    left join weighed
        on
            marked.text_id = weighed.text_id
            and marked.token_position = weighed.token_position
    group by marked.text_id
),

scored as (
    select
        texts.text_id,
        texts.source,
        texts.source_id,
        texts.account_id,
        texts.user_id,
        texts.channel,
        texts.written_at,
        texts.written_date,
        texts.written_month,
        texts.customer_text,
        cast(coalesce(per_text.words, 0) as {{ dbt.type_int() }}) as words,
        cast(
            coalesce(per_text.valence_sum, 0)
            / sqrt(coalesce(per_text.valence_sum, 0) * coalesce(per_text.valence_sum, 0) + 15)
            as {{ type_double() }}
        ) as sentiment_score
    from texts
    left join per_text
        on texts.text_id = per_text.text_id
),

final as (
    select
        *,
        sentiment_score < {{ number_var('negative_text_threshold') }} as is_negative
    from scored
)

select * from final
