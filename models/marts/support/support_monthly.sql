-- one row per month per segment: tickets opened, median first-response and resolution
-- hours, self-service resolution, help-search success and chatbot resolution
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

conversations as (
    select * from {{ ref('int_chatbot_conversations_ended') }}
),

searches as (
    select * from {{ ref('int_help_searches_performed') }}
),

monthly_tickets as (
    -- tickets by the month they were opened, whenever they were answered or resolved
    select
        tickets.opened_month as month,
        accounts_segmented.reporting_segment,
        count(*) as tickets_opened,
        sum(case when tickets.has_agent_reply then 1 else 0 end) as tickets_replied,
        {{ interpolated_median('tickets.hours_to_first_response') }}
            as median_first_response_hours,
        sum(case when tickets.is_resolved then 1 else 0 end) as tickets_resolved,
        {{ interpolated_median('tickets.hours_to_resolution') }} as median_resolution_hours,
        sum(case when tickets.is_self_service_resolved then 1 else 0 end)
            as self_service_tickets
    from tickets
    inner join accounts_segmented
        on tickets.account_id = accounts_segmented.account_id
    group by tickets.opened_month, accounts_segmented.reporting_segment
),

monthly_conversations as (
    select
        conversations.ended_month as month,
        accounts_segmented.reporting_segment,
        count(*) as chatbot_conversations,
        sum(case when conversations.is_self_service_resolved then 1 else 0 end)
            as chatbot_resolutions
    from conversations
    inner join accounts_segmented
        on conversations.account_id = accounts_segmented.account_id
    group by conversations.ended_month, accounts_segmented.reporting_segment
),

monthly_searches as (
    select
        searches.searched_month as month,
        accounts_segmented.reporting_segment,
        count(*) as searches,
        sum(case when searches.is_clicked then 1 else 0 end) as successful_searches
    from searches
    inner join accounts_segmented
        on searches.account_id = accounts_segmented.account_id
    group by searches.searched_month, accounts_segmented.reporting_segment
),

joined as (
    select
        month_segments.month,
        month_segments.reporting_segment,
        month_segments.is_complete_period,
        coalesce(monthly_tickets.tickets_opened, 0) as tickets_opened,
        coalesce(monthly_tickets.tickets_replied, 0) as tickets_replied,
        monthly_tickets.median_first_response_hours,
        coalesce(monthly_tickets.tickets_resolved, 0) as tickets_resolved,
        monthly_tickets.median_resolution_hours,
        coalesce(monthly_tickets.self_service_tickets, 0) as self_service_tickets,
        coalesce(monthly_conversations.chatbot_conversations, 0) as chatbot_conversations,
        coalesce(monthly_conversations.chatbot_resolutions, 0) as chatbot_resolutions,
        coalesce(monthly_searches.searches, 0) as searches,
        coalesce(monthly_searches.successful_searches, 0) as successful_searches
    from month_segments
    left join monthly_tickets
        on
            month_segments.month = monthly_tickets.month
            and month_segments.reporting_segment = monthly_tickets.reporting_segment
    left join monthly_conversations
        on
            month_segments.month = monthly_conversations.month
            and month_segments.reporting_segment = monthly_conversations.reporting_segment
    left join monthly_searches
        on
            month_segments.month = monthly_searches.month
            and month_segments.reporting_segment = monthly_searches.reporting_segment
),

contacts as (
    -- a self-service contact is a chatbot conversation or a ticket
    select
        *,
        chatbot_resolutions + self_service_tickets as self_service_resolutions,
        chatbot_conversations + tickets_opened as self_service_contacts
    from joined
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        is_complete_period,
        cast(tickets_opened as {{ dbt.type_bigint() }}) as tickets_opened,
        cast(tickets_replied as {{ dbt.type_bigint() }}) as tickets_replied,
        cast(median_first_response_hours as {{ type_double() }}) as median_first_response_hours,
        cast(tickets_resolved as {{ dbt.type_bigint() }}) as tickets_resolved,
        cast(median_resolution_hours as {{ type_double() }}) as median_resolution_hours,
        cast(self_service_tickets as {{ dbt.type_bigint() }}) as self_service_tickets,
        cast(chatbot_conversations as {{ dbt.type_bigint() }}) as chatbot_conversations,
        cast(chatbot_resolutions as {{ dbt.type_bigint() }}) as chatbot_resolutions,
        {{ safe_ratio('chatbot_resolutions', 'chatbot_conversations') }}
            as chatbot_resolution_rate,
        cast(self_service_resolutions as {{ dbt.type_bigint() }}) as self_service_resolutions,
        cast(self_service_contacts as {{ dbt.type_bigint() }}) as self_service_contacts,
        {{ safe_ratio('self_service_resolutions', 'self_service_contacts') }}
            as self_service_resolution_rate,
        cast(searches as {{ dbt.type_bigint() }}) as searches,
        cast(successful_searches as {{ dbt.type_bigint() }}) as successful_searches,
        {{ safe_ratio('successful_searches', 'searches') }} as help_search_success_rate
    from contacts
)

select * from final
