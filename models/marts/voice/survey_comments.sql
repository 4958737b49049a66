-- one row per answered survey response with a comment, ready for a success team to read
with

responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

final as (
    select
        cast(responses.response_id as {{ dbt.type_string() }}) as response_id,
        cast(responses.responded_at as timestamp) as responded_at,
        cast(responses.month as date) as month,
        cast(responses.account_id as {{ dbt.type_string() }}) as account_id,
        cast(accounts.account_name as {{ dbt.type_string() }}) as account_name,
        cast(accounts.segment as {{ dbt.type_string() }}) as segment,
        cast(accounts.csm_owner as {{ dbt.type_string() }}) as csm_owner,
        cast(responses.user_id as {{ dbt.type_string() }}) as user_id,
        cast(responses.survey_type as {{ dbt.type_string() }}) as survey_type,
        cast(responses.touchpoint as {{ dbt.type_string() }}) as touchpoint,
        cast(responses.score as {{ dbt.type_int() }}) as score,
        cast(responses.score_group as {{ dbt.type_string() }}) as score_group,
        cast(responses.comment as {{ dbt.type_string() }}) as comment
    from responses
    inner join accounts
        on responses.account_id = accounts.account_id
    where responses.comment is not null
)

select * from final
