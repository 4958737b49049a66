-- one row per external account, in its sign-up month: whether it signed up, activated
-- and completed onboarding (1 or 0) and its time to first value. activation_monthly sums
-- these rows per segment; the sliced scorecard and the semantic layer per any dimension.
with

activations as (
    select * from {{ ref('int_accounts_activated') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

final as (
    select
        cast(activations.account_id as {{ dbt.type_string() }}) as account_id,
        cast(activations.signup_month as date) as month,
        report_months.is_complete_period,
        cast(1 as {{ dbt.type_bigint() }}) as signups,
        cast(
            case when activations.is_activated then 1 else 0 end as {{ dbt.type_bigint() }}
        ) as activated_accounts,
        cast(
            case when activations.is_onboarding_completed then 1 else 0 end
            as {{ dbt.type_bigint() }}
        ) as onboarded_accounts,
        cast(
            case when activations.first_key_action_at is null then 0 else 1 end
            as {{ dbt.type_bigint() }}
        ) as key_action_accounts,
        cast(activations.ttfv_days as {{ type_double() }}) as ttfv_days
    from activations
    inner join accounts_segmented
        on
            activations.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on activations.signup_month = report_months.month
)

select * from final
