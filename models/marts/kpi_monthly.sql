-- one row per month per segment per kpi: the scorecard a BI tool charts directly
with

revenue as (
    select * from {{ ref('revenue_monthly') }}
),

trials as (
    select * from {{ ref('trials_monthly') }}
),

activation as (
    select * from {{ ref('activation_monthly') }}
),

engagement as (
    select * from {{ ref('engagement_monthly') }}
),

survey_scores as (
    select * from {{ ref('survey_scores_monthly') }}
),

survey_responses as (
    select * from {{ ref('survey_responses_monthly') }}
),

success as (
    select * from {{ ref('success_monthly') }}
),

digital as (
    select * from {{ ref('digital_monthly') }}
),

support as (
    select * from {{ ref('support_monthly') }}
),

health as (
    select * from {{ ref('health_monthly') }}
),

health_auc as (
    select * from {{ ref('health_churn_auc_monthly') }}
),

nps as (
    select * from survey_scores
    where survey_type = 'nps' and touchpoint = 'all'
),

csat as (
    select * from survey_scores
    where survey_type = 'csat' and touchpoint = 'all'
),

ces as (
    select * from survey_scores
    where survey_type = 'ces' and touchpoint = 'all'
),

{%- set revenue_kpis = [
    {'kpi': 'mrr', 'value': 'mrr'},
    {'kpi': 'paying_accounts', 'value': 'paying_accounts'},
    {'kpi': 'arpa', 'value': 'arpa', 'numerator': 'mrr', 'denominator': 'paying_accounts'},
    {'kpi': 'new_mrr', 'value': 'new_mrr'},
    {'kpi': 'reactivation_mrr', 'value': 'reactivation_mrr'},
    {'kpi': 'expansion_mrr', 'value': 'expansion_mrr'},
    {'kpi': 'contraction_mrr', 'value': 'contraction_mrr'},
    {'kpi': 'churned_mrr', 'value': 'churned_mrr'},
    {'kpi': 'net_new_mrr', 'value': 'net_new_mrr'},
    {'kpi': 'quick_ratio', 'value': 'quick_ratio',
        'numerator': 'new_mrr + reactivation_mrr + expansion_mrr',
        'denominator': 'contraction_mrr + churned_mrr'},
    {'kpi': 'logo_churn_rate', 'value': 'logo_churn_rate',
        'numerator': 'churned_accounts', 'denominator': 'start_accounts'},
    {'kpi': 'customer_retention_rate', 'value': 'customer_retention_rate',
        'numerator': 'retained_accounts', 'denominator': 'start_accounts'},
    {'kpi': 'gross_mrr_churn_rate', 'value': 'gross_mrr_churn_rate',
        'numerator': 'churned_mrr + contraction_mrr', 'denominator': 'start_mrr'},
    {'kpi': 'grr', 'value': 'grr',
        'numerator': 'start_mrr - churned_mrr - contraction_mrr', 'denominator': 'start_mrr'},
    {'kpi': 'nrr', 'value': 'nrr',
        'numerator': 'start_mrr + expansion_mrr - contraction_mrr - churned_mrr',
        'denominator': 'start_mrr'},
    {'kpi': 'nrr_12m', 'value': 'nrr_12m',
        'numerator': 'cohort_end_mrr_12m', 'denominator': 'cohort_start_mrr_12m'},
    {'kpi': 'grr_12m', 'value': 'grr_12m',
        'numerator': 'cohort_retained_mrr_12m', 'denominator': 'cohort_start_mrr_12m'},
    {'kpi': 'logo_retention_12m', 'value': 'logo_retention_12m',
        'numerator': 'cohort_paying_accounts_12m', 'denominator': 'cohort_accounts_12m'},
    {'kpi': 'expansion_rate', 'value': 'expansion_rate',
        'numerator': 'expansion_mrr', 'denominator': 'start_mrr'},
    {'kpi': 'upgrade_rate', 'value': 'upgrade_rate',
        'numerator': 'upgraded_accounts', 'denominator': 'start_accounts'},
    {'kpi': 'renewal_rate', 'value': 'renewal_rate',
        'numerator': 'contracts_renewed', 'denominator': 'contracts_due'},
    {'kpi': 'clv', 'value': 'clv',
        'numerator': 'margin_per_account', 'denominator': 'mean_logo_churn_rate_3m'},
] %}

{%- set trial_kpis = [
    {'kpi': 'trial_starts', 'value': 'trial_starts'},
    {'kpi': 'free_to_paid_conversion_rate', 'value': 'free_to_paid_conversion_rate',
        'numerator': 'trials_converted', 'denominator': 'trial_starts',
        'complete': 'is_complete_period and is_conversion_window_complete'},
    {'kpi': 'median_days_to_paid', 'value': 'median_days_to_paid'},
] %}

{%- set activation_kpis = [
    {'kpi': 'signups', 'value': 'signups'},
    {'kpi': 'activation_rate', 'value': 'activation_rate',
        'numerator': 'activated_accounts', 'denominator': 'signups',
        'complete': 'is_activation_window_complete'},
    {'kpi': 'onboarding_completion_rate', 'value': 'onboarding_completion_rate',
        'numerator': 'onboarded_accounts', 'denominator': 'signups',
        'complete': 'is_activation_window_complete'},
    {'kpi': 'median_ttfv_days', 'value': 'median_ttfv_days'},
] %}

{%- set engagement_kpis = [
    {'kpi': 'dau', 'value': 'dau', 'numerator': 'active_user_days',
        'denominator': 'observed_days'},
    {'kpi': 'wau', 'value': 'wau', 'numerator': 'weekly_active_user_days',
        'denominator': 'observed_days'},
    {'kpi': 'mau', 'value': 'mau'},
    {'kpi': 'stickiness', 'value': 'stickiness', 'numerator': 'dau', 'denominator': 'mau'},
    {'kpi': 'active_accounts', 'value': 'active_accounts'},
    {'kpi': 'depth_of_usage', 'value': 'depth_of_usage',
        'numerator': 'depth_sum', 'denominator': 'depth_accounts'},
    {'kpi': 'breadth_of_usage', 'value': 'breadth_of_usage',
        'numerator': 'breadth_sum', 'denominator': 'breadth_accounts'},
    {'kpi': 'product_tour_completion_rate', 'value': 'product_tour_completion_rate',
        'numerator': 'tours_completed', 'denominator': 'tours_started'},
    {'kpi': 'referral_rate', 'value': 'referral_rate',
        'numerator': 'referred_accounts', 'denominator': 'start_accounts'},
] %}

{#- voice of the customer, success team, digital motions and support, by family mart -#}
{%- set voice_kpis = {
    'nps': [
        {'kpi': 'nps', 'value': 'score',
            'numerator': '100 * (promoters - detractors)', 'denominator': 'responses'},
        {'kpi': 'nps_responses', 'value': 'responses'},
    ],
    'csat': [
        {'kpi': 'csat', 'value': 'score',
            'numerator': '100 * satisfied_responses', 'denominator': 'responses'},
        {'kpi': 'csat_responses', 'value': 'responses'},
    ],
    'ces': [
        {'kpi': 'ces', 'value': 'score',
            'numerator': 'score * responses', 'denominator': 'responses'},
        {'kpi': 'ces_responses', 'value': 'responses'},
    ],
    'survey_responses': [
        {'kpi': 'survey_response_rate', 'value': 'survey_response_rate',
            'numerator': 'surveys_answered', 'denominator': 'surveys_sent'},
    ],
    'success': [
        {'kpi': 'qbr_completion_rate', 'value': 'qbr_completion_rate',
            'numerator': 'qbrs_completed_in_grace', 'denominator': 'qbrs_due',
            'complete': 'is_qbr_window_complete'},
        {'kpi': 'check_ins_per_account', 'value': 'check_ins_per_account',
            'numerator': 'check_ins_completed', 'denominator': 'high_touch_accounts'},
        {'kpi': 'trainings_per_account', 'value': 'trainings_per_account',
            'numerator': 'trainings_completed', 'denominator': 'high_touch_accounts'},
    ],
    'support': [
        {'kpi': 'tickets_opened', 'value': 'tickets_opened'},
        {'kpi': 'median_first_response_hours', 'value': 'median_first_response_hours'},
        {'kpi': 'median_resolution_hours', 'value': 'median_resolution_hours'},
        {'kpi': 'self_service_resolution_rate', 'value': 'self_service_resolution_rate',
            'numerator': 'self_service_resolutions', 'denominator': 'self_service_contacts'},
        {'kpi': 'help_search_success_rate', 'value': 'help_search_success_rate',
            'numerator': 'successful_searches', 'denominator': 'searches'},
        {'kpi': 'chatbot_resolution_rate', 'value': 'chatbot_resolution_rate',
            'numerator': 'chatbot_resolutions', 'denominator': 'chatbot_conversations'},
    ],
    'health': [
        {'kpi': 'healthy_account_share', 'value': 'healthy_account_share',
            'numerator': 'green_accounts', 'denominator': 'paying_accounts'},
        {'kpi': 'at_risk_mrr', 'value': 'at_risk_mrr'},
    ],
    'health_auc': [
        {'kpi': 'health_churn_auc', 'value': 'health_churn_auc',
            'numerator': 'pair_credits', 'denominator': 'pairs'},
    ],
    'digital': [
        {'kpi': 'email_open_rate', 'value': 'email_open_rate',
            'numerator': 'emails_opened', 'denominator': 'emails_sent'},
        {'kpi': 'email_click_rate', 'value': 'email_click_rate',
            'numerator': 'emails_clicked', 'denominator': 'emails_sent'},
        {'kpi': 'feedback_items', 'value': 'feedback_items'},
    ],
} %}

unioned as (
    {{ kpi_union([
        ['revenue', revenue_kpis],
        ['trials', trial_kpis],
        ['activation', activation_kpis],
        ['engagement', engagement_kpis],
        ['nps', voice_kpis['nps']],
        ['csat', voice_kpis['csat']],
        ['ces', voice_kpis['ces']],
        ['survey_responses', voice_kpis['survey_responses']],
        ['success', voice_kpis['success']],
        ['digital', voice_kpis['digital']],
        ['support', voice_kpis['support']],
        ['health', voice_kpis['health']],
        ['health_auc', voice_kpis['health_auc']],
    ]) }}
),

final as (
    select
        cast(month as date) as month,
        cast(segment as {{ dbt.type_string() }}) as segment,
        kpi,
        value,
        numerator,
        denominator,
        is_complete_period
    from unioned
)

select * from final
