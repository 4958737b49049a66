-- CSAT answers from Zendesk satisfaction ratings (Fivetran's satisfaction_rating), in the
-- shape of the raw_surveys contract (text columns): survey_type csat, touchpoint
-- support_ticket; a rating of good is the top score 5, bad the bottom score 1; offered
-- is a survey sent and not answered (no score, no responded_at); unoffered ones are no
-- survey. The account and user are the rated ticket's (zendesk__tickets).
-- Off (not built) while zendesk_schemas is empty; raw_relation('raw_surveys') reads it.
{{ config(enabled=(var('zendesk_schemas', []) | length > 0)) }}

with

tickets as (
    select * from {{ ref('zendesk__tickets') }}
),

{% for schema in zendesk_schemas() if execute %}
{%- set ratings = landed_relation(schema, 'satisfaction_rating', var_name='zendesk_schemas') %}
{%- set rating_columns = column_types(ratings) %}
ratings_{{ loop.index }} as (
    select
        {{ dbt.concat([sql_string('zendesk:' ~ schema ~ ':rating:'),
                       'cast(ratings.id as ' ~ dbt.type_string() ~ ')']) }} as response_id,
        tickets.account_id,
        tickets.user_id,
        'csat' as survey_type,
        case ratings.score when 'good' then '5' when 'bad' then '1' end as score,
        {{ raw_text('ratings.created_at', rating_columns['created_at']) }} as sent_at,
        case
            when ratings.score in ('good', 'bad')
                then {{ raw_text('ratings.updated_at', rating_columns['updated_at']) }}
        end as responded_at,
        cast(ratings.{{ adapter.quote('comment') }} as {{ dbt.type_string() }}) as comment,
        'support_ticket' as touchpoint
    from {{ ratings }} as ratings
    inner join tickets
        on
            tickets.schema_name = {{ sql_string(schema) }}
            and ratings.ticket_id = tickets.zendesk_ticket_id
    where ratings.score in ('good', 'bad', 'offered')
),

{% endfor %}

final as (
    {{ union_numbered('ratings_', zendesk_schemas() | length if execute else 0) }}
)

select * from final
